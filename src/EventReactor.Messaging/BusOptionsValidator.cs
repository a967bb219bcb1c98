using Microsoft.Extensions.Options;

namespace EventReactor.Messaging;

internal sealed class BusOptionsValidator : IValidateOptions<BusOptions>
{
    public ValidateOptionsResult Validate(string? name, BusOptions options)
    {
        var failures = new List<string>();
        try
        {
            BusAddress.Parse(options.Url);
        }
        catch (FormatException ex)
        {
            failures.Add($"{BusOptions.Section}:{nameof(BusOptions.Url)}: {ex.Message}");
        }

        if (options.ConcurrentMessageLimit < 1)
        {
            failures.Add($"{BusOptions.Section}:{nameof(BusOptions.ConcurrentMessageLimit)} must be at least 1");
        }

        if (options.MaxMessageBytes < 256 * 1024)
        {
            failures.Add($"{BusOptions.Section}:{nameof(BusOptions.MaxMessageBytes)} must be at least 262144 (256 KiB)");
        }

        if (options.PrefetchCount < 1)
        {
            failures.Add($"{BusOptions.Section}:{nameof(BusOptions.PrefetchCount)} must be at least 1");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
