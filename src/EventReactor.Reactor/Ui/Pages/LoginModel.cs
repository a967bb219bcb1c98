using EventReactor.Reactor.Ui.Shared;

namespace EventReactor.Reactor.Ui.Pages;

/// <summary>The sign-in page: where to go after, the form's antiforgery field, and why the last try failed.</summary>
public sealed record LoginModel(string Next, Csrf Csrf, string? Error);
