using EventReactor.Reactor.Security;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor;

internal sealed class ReactorOptionsValidator : IValidateOptions<ReactorOptions>
{
    public ValidateOptionsResult Validate(string? name, ReactorOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.RulesPath))
        {
            failures.Add($"{ReactorOptions.Section}:{nameof(ReactorOptions.RulesPath)} must name the rules folder");
        }

        if (string.IsNullOrWhiteSpace(options.DataPath))
        {
            failures.Add($"{ReactorOptions.Section}:{nameof(ReactorOptions.DataPath)} must name the data folder");
        }

        if (string.IsNullOrWhiteSpace(options.PoolsFile))
        {
            failures.Add($"{ReactorOptions.Section}:{nameof(ReactorOptions.PoolsFile)} must name the pools file (it may be missing: then there are no pools)");
        }

        if (!Uri.TryCreate(options.Http, UriKind.Absolute, out var http) || (http.Scheme != Uri.UriSchemeHttp && http.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"{ReactorOptions.Section}:{nameof(ReactorOptions.Http)} '{options.Http}' must be an http:// or https:// URL");
        }

        var tokens = ApiTokenLoader.Load(options, failures);
        if (tokens.Count == 0 && http is not null && !http.IsLoopback)
        {
            failures.Add($"{ReactorOptions.Section}:{nameof(ReactorOptions.Http)} '{options.Http}' is not a loopback address, and no API token is set; set {ReactorOptions.Section}:{nameof(ReactorOptions.Api)}:{nameof(ApiOptions.Tokens)}, {ReactorOptions.Section}:{nameof(ReactorOptions.ApiToken)} or {ApiTokenLoader.EnvironmentVariable}");
        }

        if (options.MaxDepth < 1)
        {
            failures.Add($"{ReactorOptions.Section}:{nameof(ReactorOptions.MaxDepth)} must be at least 1");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
