using EventReactor.Contracts.Api;

namespace EventReactor.Reactor.Keys;

/// <summary>Minion keys and enrollment tokens in the reactor's state; SQLite by default, a shared database when several reactors share the work.</summary>
internal interface IMinionKeyStore
{
    /// <summary>Every key on record, by minion id then enrollment time.</summary>
    Task<IReadOnlyList<MinionKeyRecord>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The keys on record for one id: at most one that is not denied, and any denied ones.</summary>
    Task<IReadOnlyList<MinionKeyRecord>> FindAsync(string minion, CancellationToken cancellationToken);

    /// <summary>
    /// Records a key a minion presents, in one step: an unknown id gets <paramref name="initial"/> (pending or accepted);
    /// the key on record comes back as it is (a pending one becomes accepted when <paramref name="initial"/> is accepted);
    /// another key for a known id is recorded as denied. A new row is refused (null) once <paramref name="maxUntrusted"/>
    /// pending and denied keys are on record, so that a flood cannot grow the list without limit.
    /// </summary>
    Task<MinionKeyRecord?> EnrollAsync(string minion, string fingerprint, string publicKey, MinionKeyState initial, int maxUntrusted, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Moves the id's key that is not denied to <paramref name="to"/> when it is in one of <paramref name="from"/>; false when there is none.</summary>
    Task<bool> SetStateAsync(string minion, MinionKeyState to, IReadOnlyCollection<MinionKeyState> from, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Forgets every key of the id; returns how many there were.</summary>
    Task<int> DeleteAsync(string minion, CancellationToken cancellationToken);

    /// <summary>Keeps a new enrollment token's hash until it expires; expired and used tokens are pruned meanwhile.</summary>
    Task CreateTokenAsync(string hash, DateTimeOffset expiresAt, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Uses the token up if it is known, unused and unexpired at <paramref name="now"/>; true only for the one caller that did.</summary>
    Task<bool> RedeemTokenAsync(string hash, DateTimeOffset now, CancellationToken cancellationToken);
}
