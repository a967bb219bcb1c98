using EventReactor.Minion.Outbox;
using Microsoft.Extensions.Options;

namespace EventReactor.Minion;

internal sealed class MinionOptionsValidator : IValidateOptions<MinionOptions>
{
    public ValidateOptionsResult Validate(string? name, MinionOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Id) || options.Id.IndexOfAny(['/', '*', '?', '[', ']', ' ', '\t']) >= 0)
        {
            failures.Add($"{MinionOptions.Section}:{nameof(MinionOptions.Id)} '{options.Id}' must be non-empty and free of '/', glob characters and blanks, since it sits in tags");
        }

        if (!Uri.TryCreate(options.ResolveDockerEndpoint(), UriKind.Absolute, out _))
        {
            failures.Add($"{MinionOptions.Section}:{nameof(MinionOptions.Docker)} '{options.ResolveDockerEndpoint()}' is not a URL such as unix:///var/run/docker.sock");
        }

        if (options.ReconnectDelay <= TimeSpan.Zero || options.ReconnectMaxDelay < options.ReconnectDelay)
        {
            failures.Add($"{MinionOptions.Section}:{nameof(MinionOptions.ReconnectDelay)} must be positive and at most {nameof(MinionOptions.ReconnectMaxDelay)}");
        }

        if (options.Reactor is { Length: > 0 } reactor && (!Uri.TryCreate(reactor, UriKind.Absolute, out var reactorUri) || (reactorUri.Scheme != Uri.UriSchemeHttp && reactorUri.Scheme != Uri.UriSchemeHttps)))
        {
            failures.Add($"{MinionOptions.Section}:{nameof(MinionOptions.Reactor)} '{reactor}' must be the reactor's http:// or https:// URL");
        }

        if (options.EnrollmentTokenFile is { Length: > 0 } tokenFile && !File.Exists(tokenFile))
        {
            failures.Add($"{MinionOptions.Section}:{nameof(MinionOptions.EnrollmentTokenFile)} '{tokenFile}' does not exist");
        }

        if (options.EnrollPollInterval <= TimeSpan.Zero)
        {
            failures.Add($"{MinionOptions.Section}:{nameof(MinionOptions.EnrollPollInterval)} must be positive");
        }

        if (options.MaxClockSkew < TimeSpan.Zero || options.MaxClockSkew > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{MinionOptions.Section}:{nameof(MinionOptions.MaxClockSkew)} must be between 0 and 00:05:00");
        }

        var outbox = options.Outbox;
        const string OutboxKey = $"{MinionOptions.Section}:{nameof(MinionOptions.Outbox)}";
        if (outbox.MaxEvents < 1)
        {
            failures.Add($"{OutboxKey}:{nameof(OutboxOptions.MaxEvents)} must be at least 1");
        }

        if (outbox.BatchSize < 1)
        {
            failures.Add($"{OutboxKey}:{nameof(OutboxOptions.BatchSize)} must be at least 1");
        }

        if (outbox.Lanes < 1)
        {
            failures.Add($"{OutboxKey}:{nameof(OutboxOptions.Lanes)} must be at least 1");
        }

        if (outbox.PublishTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{OutboxKey}:{nameof(OutboxOptions.PublishTimeout)} must be positive");
        }

        if (outbox.RetryDelay <= TimeSpan.Zero || outbox.RetryMaxDelay < outbox.RetryDelay)
        {
            failures.Add($"{OutboxKey}:{nameof(OutboxOptions.RetryDelay)} must be positive and at most {nameof(OutboxOptions.RetryMaxDelay)}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
