using EventReactor.Contracts.Api;

namespace EventReactor.Reactor.Keys;

/// <summary>What <see cref="IMinionKeyStore.EnrollAsync"/> records, the same on every back end; the store only reads and writes.</summary>
internal static class EnrollmentDecision
{
    /// <summary>
    /// The key on record comes back as it is (a pending one accepted when <paramref name="initial"/> is accepted); a new key
    /// is <paramref name="initial"/> for an unknown id and denied for a known one; null when a new untrusted key would pass
    /// <paramref name="maxUntrusted"/>. A result equal to a row in <paramref name="known"/> needs no write.
    /// </summary>
    public static async Task<MinionKeyRecord?> DecideAsync(
        IReadOnlyList<MinionKeyRecord> known, string minion, string fingerprint, string publicKey, MinionKeyState initial, int maxUntrusted, DateTimeOffset now, Func<Task<long>> countUntrusted)
    {
        if (known.FirstOrDefault(k => k.Fingerprint == fingerprint) is { } same)
        {
            return same.State == MinionKeyState.Pending && initial == MinionKeyState.Accepted ? same with { State = MinionKeyState.Accepted, UpdatedAt = now } : same;
        }

        var state = known.Count > 0 ? MinionKeyState.Denied : initial;
        return state != MinionKeyState.Accepted && await countUntrusted() >= maxUntrusted ? null : new MinionKeyRecord(minion, fingerprint, publicKey, state, now, now);
    }
}
