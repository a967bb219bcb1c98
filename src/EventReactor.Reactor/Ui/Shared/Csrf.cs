namespace EventReactor.Reactor.Ui.Shared;

/// <summary>The antiforgery field a form must carry: every state-changing request from the dashboard is checked.</summary>
public sealed record Csrf(string FieldName, string Token);
