using EventReactor.Minion.Storage;
using EventReactor.Storage.Sqlite;

namespace EventReactor.Minion.Trust;

/// <summary>
/// The nonces of the commands this minion took, kept in <c>minion.db</c> until they expire, so that a captured command
/// replayed later, even after a restart, is refused. Expired entries are pruned as new ones arrive.
/// </summary>
internal sealed class ReplayCache(MinionDatabase database)
{
    /// <summary>Remembers <paramref name="nonce"/> until <paramref name="expiresAt"/>; false when it was already there (a replay).</summary>
    public bool TryRemember(string nonce, DateTimeOffset expiresAt, DateTimeOffset now)
    {
        using var scope = database.EnterWrite();
        scope.Connection.Execute("DELETE FROM command_nonces WHERE expires_at < $now", ("$now", now.ToUnixTimeMilliseconds()));
        return scope.Connection.Execute(
            "INSERT OR IGNORE INTO command_nonces (nonce, expires_at) VALUES ($nonce, $expires)",
            ("$nonce", nonce),
            ("$expires", expiresAt.ToUnixTimeMilliseconds())) == 1;
    }
}
