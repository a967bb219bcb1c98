using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Ui;

internal sealed class UiOptionsValidator : IValidateOptions<UiOptions>
{
    public ValidateOptionsResult Validate(string? name, UiOptions options) =>
        options.EventHistory < 1
            ? ValidateOptionsResult.Fail($"{UiOptions.Section}:{nameof(UiOptions.EventHistory)} must be at least 1, got {options.EventHistory}")
            : ValidateOptionsResult.Success;
}
