using Microsoft.Extensions.Options;

namespace EventReactor.Minion.Presence;

internal sealed class PresenceOptionsValidator : IValidateOptions<MinionOptions>
{
    public ValidateOptionsResult Validate(string? name, MinionOptions options) =>
        options.HeartbeatInterval > TimeSpan.Zero
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{MinionOptions.Section}:{nameof(MinionOptions.HeartbeatInterval)} '{options.HeartbeatInterval}' must be positive, e.g. 00:00:10");
}
