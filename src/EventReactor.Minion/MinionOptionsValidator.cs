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
