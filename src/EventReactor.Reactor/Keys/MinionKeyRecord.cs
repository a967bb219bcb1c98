using EventReactor.Contracts.Api;

namespace EventReactor.Reactor.Keys;

/// <summary>One key presented under a minion id, and where it stands.</summary>
internal sealed record MinionKeyRecord(string Minion, string Fingerprint, string PublicKey, MinionKeyState State, DateTimeOffset EnrolledAt, DateTimeOffset UpdatedAt)
{
    public MinionKeyView ToView() => new(Minion, State, Fingerprint, PublicKey, EnrolledAt, UpdatedAt);
}
