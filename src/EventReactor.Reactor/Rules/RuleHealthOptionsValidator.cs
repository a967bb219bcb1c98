using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Rules;

internal sealed class RuleHealthOptionsValidator : IValidateOptions<RuleHealthOptions>
{
    public ValidateOptionsResult Validate(string? name, RuleHealthOptions options)
    {
        var failures = new List<string>();
        if (options.Window <= TimeSpan.Zero)
        {
            failures.Add($"{RuleHealthOptions.Section}:{nameof(RuleHealthOptions.Window)} '{options.Window}' must be more than 0");
        }

        if (options.MinimumSample < 1)
        {
            failures.Add($"{RuleHealthOptions.Section}:{nameof(RuleHealthOptions.MinimumSample)} must be at least 1");
        }

        Share(failures, nameof(RuleHealthOptions.ConditionErrorShare), options.ConditionErrorShare);
        Share(failures, nameof(RuleHealthOptions.ActionFailureShare), options.ActionFailureShare);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Share(List<string> failures, string key, double value)
    {
        if (!(value is >= 0 and < 1))
        {
            failures.Add($"{RuleHealthOptions.Section}:{key} '{value}' must be at least 0 and less than 1");
        }
    }
}
