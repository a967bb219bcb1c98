using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Leases;

internal sealed class LeaseOptionsValidator : IValidateOptions<LeaseOptions>
{
    public ValidateOptionsResult Validate(string? name, LeaseOptions options)
    {
        var failures = new List<string>();
        if (options.Duration < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{LeaseOptions.Section}:{nameof(LeaseOptions.Duration)} must be at least 1 second, e.g. 00:00:15");
        }

        if (options.RenewEvery <= TimeSpan.Zero || options.RenewEvery * 3 > options.Duration)
        {
            failures.Add($"{LeaseOptions.Section}:{nameof(LeaseOptions.RenewEvery)} must be more than 0 and at most a third of {nameof(LeaseOptions.Duration)} ({options.Duration}), e.g. 00:00:05");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
