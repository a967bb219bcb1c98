using System.Text.Json.Serialization;

namespace EventReactor.Contracts.Api;

/// <summary>Where a minion's key stands, after <c>salt-key</c>: only an accepted key's minion is sent commands and has its events acted on.</summary>
[JsonConverter(typeof(WireEnumConverter<MinionKeyState>))]
public enum MinionKeyState
{
    /// <summary>Enrolled and waiting for an operator (or an enrollment token) to accept it.</summary>
    Pending,

    /// <summary>Trusted: the minion is sent commands and its events are acted on.</summary>
    Accepted,

    /// <summary>Refused by an operator; the minion stays untrusted until accepted.</summary>
    Rejected,

    /// <summary>An id that enrolled again with a different key than the one on record; never trusted, delete the id to start over.</summary>
    Denied,
}
