using System.Text.Json;

namespace EventReactor.Reactor.Audit;

/// <summary>One action of an audited rule: its rendered arguments and how it ended.</summary>
public sealed record ActionAudit(
    string Action,
    string Location,
    JsonElement? Arguments,
    string Status,
    string? Result,
    string? Error,
    int Attempts,
    double DurationMs);
