using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Journal;

internal sealed class JournalOptionsValidator : IValidateOptions<JournalOptions>
{
    private const long MinBytes = 1L << 20;

    public ValidateOptionsResult Validate(string? name, JournalOptions options)
    {
        var failures = new List<string>();
        if (options.MaxAge <= TimeSpan.Zero)
        {
            failures.Add($"{JournalOptions.Section}:{nameof(JournalOptions.MaxAge)} '{options.MaxAge}' must be more than 0, such as 7.00:00:00");
        }

        if (options.MaxBytes < MinBytes)
        {
            failures.Add($"{JournalOptions.Section}:{nameof(JournalOptions.MaxBytes)} {options.MaxBytes} must be at least {MinBytes} (1 MiB)");
        }

        if (options.PruneInterval <= TimeSpan.Zero)
        {
            failures.Add($"{JournalOptions.Section}:{nameof(JournalOptions.PruneInterval)} '{options.PruneInterval}' must be more than 0, such as 00:01:00");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
