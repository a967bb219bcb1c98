using Microsoft.Extensions.Options;

namespace EventReactor.Minion.Inventory;

internal sealed class InventoryOptionsValidator : IValidateOptions<MinionOptions>
{
    public ValidateOptionsResult Validate(string? name, MinionOptions options)
    {
        var failures = new List<string>();
        if (options.InventoryInterval <= TimeSpan.Zero)
        {
            failures.Add($"{MinionOptions.Section}:{nameof(MinionOptions.InventoryInterval)} '{options.InventoryInterval}' must be positive, e.g. 00:05:00");
        }

        if (!string.IsNullOrWhiteSpace(options.GrainsFile) && !File.Exists(options.GrainsFile))
        {
            failures.Add($"{MinionOptions.Section}:{nameof(MinionOptions.GrainsFile)} '{options.GrainsFile}' does not exist");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
