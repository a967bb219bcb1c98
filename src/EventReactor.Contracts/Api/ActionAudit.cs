using System.Text.Json;

namespace EventReactor.Contracts.Api;

/// <summary>One action of an audited rule: its rendered arguments and how it ended.</summary>
/// <param name="Action">The action's name, such as <c>event.fire</c>.</param>
/// <param name="Location">Where the action is written: <c>file:line:column</c>.</param>
/// <param name="Arguments">The arguments as rendered for this event; null when they could not be rendered.</param>
/// <param name="Status">How the action ended.</param>
/// <param name="Result">What the action reported when it succeeded.</param>
/// <param name="Error">Why it failed.</param>
/// <param name="Attempts">How many times it was tried.</param>
/// <param name="DurationMs">How long it took, retries included.</param>
public sealed record ActionAudit(
    string Action,
    string Location,
    JsonElement? Arguments,
    ActionStatus Status,
    string? Result,
    string? Error,
    int Attempts,
    double DurationMs);
