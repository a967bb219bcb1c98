using EventReactor.Core.Rules;
using Microsoft.Extensions.Options;

namespace EventReactor.Minion.Commands;

internal sealed class MinionPolicyValidator : IValidateOptions<MinionPolicy>
{
    public ValidateOptionsResult Validate(string? name, MinionPolicy options)
    {
        var failures = new List<string>();
        if (options.MaxCpus < 0)
        {
            failures.Add("Minion:Policy:MaxCpus must be 0 (no limit) or more");
        }

        if (options.MaxMemory.Length > 0 && !ByteSize.TryParse(options.MaxMemory, out _))
        {
            failures.Add($"Minion:Policy:MaxMemory '{options.MaxMemory}' is not a size such as 512m or 8g");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
