using EventReactor.Messaging;
using EventReactor.Reactor.Security;
using EventReactor.Storage.Postgres;
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

        if (!string.IsNullOrWhiteSpace(options.State) && !PostgresUrl.TryParse(options.State, out _, out var stateError))
        {
            failures.Add($"{ReactorOptions.Section}:{nameof(ReactorOptions.State)} '{PostgresUrl.Redact(options.State)}' {stateError}; leave it unset for SQLite in the data folder");
        }

        if (options.StateConnections < 2)
        {
            failures.Add($"{ReactorOptions.Section}:{nameof(ReactorOptions.StateConnections)} is {options.StateConnections}; it must be at least 2 (a claim and the audit run at once)");
        }

        if (options.Partitions is < 1 or > ReactorOptions.MaxPartitions)
        {
            failures.Add($"{ReactorOptions.Section}:{nameof(ReactorOptions.Partitions)} is {options.Partitions}; it must be 1 to {ReactorOptions.MaxPartitions} (the same on every reactor of one broker)");
        }

        if (string.IsNullOrWhiteSpace(options.PoolsFile))
        {
            failures.Add($"{ReactorOptions.Section}:{nameof(ReactorOptions.PoolsFile)} must name the pools file (it may be missing: then there are no pools)");
        }

        if (!Uri.TryCreate(options.Http, UriKind.Absolute, out var http) || (http.Scheme != Uri.UriSchemeHttp && http.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"{ReactorOptions.Section}:{nameof(ReactorOptions.Http)} '{options.Http}' must be an http:// or https:// URL");
        }

        if (http?.Scheme == Uri.UriSchemeHttps)
        {
            ValidateHttps(options, failures);
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

    // The pair is loaded now, so that a missing or bad file stops start-up naming its key.
    private static void ValidateHttps(ReactorOptions options, List<string> failures)
    {
        const string Certificate = $"{ReactorOptions.Section}:{nameof(ReactorOptions.HttpsCertificateFile)}";
        const string Key = $"{ReactorOptions.Section}:{nameof(ReactorOptions.HttpsKeyFile)}";
        if (options.HttpsCertificateFile is not { Length: > 0 } || options.HttpsKeyFile is not { Length: > 0 })
        {
            failures.Add($"{ReactorOptions.Section}:{nameof(ReactorOptions.Http)} '{options.Http}' is https://, which needs {Certificate} and {Key} (PEM files)");
            return;
        }

        try
        {
            CertificateTrust.LoadPair(options.HttpsCertificateFile, options.HttpsKeyFile)?.Dispose();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            failures.Add($"{Certificate} '{options.HttpsCertificateFile}' with {Key} '{options.HttpsKeyFile}': {ex.Message}");
        }
    }
}
