using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Pools.Provisioning.Ssh;

internal sealed class SshProviderOptionsValidator : IValidateOptions<SshProviderOptions>
{
    public ValidateOptionsResult Validate(string? name, SshProviderOptions options)
    {
        var failures = new List<string>();
        if (options.MinionBinary is { Length: > 0 } binary)
        {
            if (!File.Exists(binary))
            {
                failures.Add($"{SshProviderOptions.Section}:{nameof(SshProviderOptions.MinionBinary)} '{binary}' does not exist; build it with deploy/package/publish.sh");
            }
            else if (Path.GetFileName(binary) != MinionBuild.Executable)
            {
                // The whole CLI ('eventreactor', which this setting named before) would be installed and started without its 'minion' word.
                failures.Add($"{SshProviderOptions.Section}:{nameof(SshProviderOptions.MinionBinary)} '{binary}' must be the minion alone, '{MinionBuild.Executable}', which deploy/package/publish.sh makes beside 'eventreactor'");
            }
        }

        if (options.BusUrl is { Length: > 0 } bus && !Uri.TryCreate(bus, UriKind.Absolute, out _))
        {
            failures.Add($"{SshProviderOptions.Section}:{nameof(SshProviderOptions.BusUrl)} '{bus}' must be a URL such as rabbitmq://user:password@10.0.0.1:5672/");
        }

        if (options.ReactorUrl is { Length: > 0 } reactor && !(Uri.TryCreate(reactor, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            failures.Add($"{SshProviderOptions.Section}:{nameof(SshProviderOptions.ReactorUrl)} '{reactor}' must be an http:// or https:// URL");
        }

        foreach (var (key, value) in new[]
        {
            (nameof(SshProviderOptions.ConnectTimeout), options.ConnectTimeout),
            (nameof(SshProviderOptions.StartTimeout), options.StartTimeout),
            (nameof(SshProviderOptions.FailureCooldown), options.FailureCooldown),
            (nameof(SshProviderOptions.CheckInterval), options.CheckInterval),
        })
        {
            if (value <= TimeSpan.Zero)
            {
                failures.Add($"{SshProviderOptions.Section}:{key} must be more than 0, e.g. 00:00:10");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
