using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Keys;

internal sealed class KeyOptionsValidator : IValidateOptions<KeyOptions>
{
    public ValidateOptionsResult Validate(string? name, KeyOptions options)
    {
        var failures = new List<string>();
        if (options.MaxUntrusted < 1)
        {
            failures.Add($"{KeyOptions.Section}:{nameof(KeyOptions.MaxUntrusted)} must be at least 1");
        }

        if (options.CommandLifetime <= TimeSpan.Zero || options.CommandLifetime > TimeSpan.FromSeconds(60))
        {
            failures.Add($"{KeyOptions.Section}:{nameof(KeyOptions.CommandLifetime)} '{options.CommandLifetime}' must be more than 0 and at most 00:01:00");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
