using System.Security.Cryptography;
using System.Text;
using EventReactor.Contracts.Api;
using EventReactor.Reactor.Broker;
using EventReactor.Storage.Keys;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Keys;

/// <summary>
/// The one place minion keys change: enrollment (with an optional single-use token), accept, reject, delete, and the
/// question every command and event asks, whether a minion is accepted (answered from memory, refreshed after each
/// change made here and every few seconds for changes made by another reactor).
/// </summary>
internal sealed partial class MinionKeyService(IMinionKeyStore store, ReactorKey reactorKey, BrokerAccounts broker, IOptions<KeyOptions> options, TimeProvider time, ILogger<MinionKeyService> logger) : IMinionTrust
{
    public const int MaxIdLength = 128;
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MaxTokenLifetime = TimeSpan.FromDays(30);
    private static readonly MinionKeyState[] Acceptable = [MinionKeyState.Pending, MinionKeyState.Rejected];
    private static readonly MinionKeyState[] Rejectable = [MinionKeyState.Pending, MinionKeyState.Accepted];
    private readonly SemaphoreSlim _reload = new(1, 1);
    private volatile AcceptedSet? _accepted;

    public async Task<EnrollResponse> EnrollAsync(EnrollRequest request, CancellationToken cancellationToken)
    {
        var id = ValidId(request.Minion);
        string fingerprint;
        try
        {
            fingerprint = KeyPairFile.Fingerprint(request.PublicKey ?? string.Empty);
        }
        catch (InvalidDataException ex)
        {
            throw new KeyException($"publicKey: {ex.Message}", StatusCodes.Status400BadRequest);
        }

        var now = time.GetUtcNow();
        var initial = options.Value.AutoAccept ? MinionKeyState.Accepted : MinionKeyState.Pending;
        if (!string.IsNullOrEmpty(request.Token) && await WouldUseTokenAsync(id, fingerprint, cancellationToken))
        {
            if (!await store.RedeemTokenAsync(Hash(request.Token), now, cancellationToken))
            {
                LogTokenRefused(logger, id);
                throw new KeyException("the enrollment token is unknown, used or expired", StatusCodes.Status403Forbidden);
            }

            initial = MinionKeyState.Accepted;
        }

        var record = await store.EnrollAsync(id, fingerprint, request.PublicKey!, initial, options.Value.MaxUntrusted, now, cancellationToken)
            ?? throw new KeyException($"{options.Value.MaxUntrusted} keys are already pending or denied ({KeyOptions.Section}:{nameof(KeyOptions.MaxUntrusted)}); accept, reject or delete some first", StatusCodes.Status429TooManyRequests);
        LogEnrolled(logger, id, fingerprint[..16], record.State.ToWire());
        Invalidate();
        if (record.State != MinionKeyState.Accepted)
        {
            return new EnrollResponse(record.State, null);
        }

        // Made again on every accepted answer (the same password each time), so a broker that lost the user heals.
        var credential = await BrokerAsync(() => broker.GrantAsync(record, cancellationToken), StatusCodes.Status503ServiceUnavailable, "the key is accepted, but its broker user could not be made; ask again");
        return new EnrollResponse(record.State, reactorKey.PublicPem, credential);
    }

    public async Task<IReadOnlyList<MinionKeyView>> ListAsync(CancellationToken cancellationToken) =>
        (await store.ListAsync(cancellationToken)).Select(k => k.ToView()).ToList();

    public async Task AcceptAsync(string minion, CancellationToken cancellationToken)
    {
        await MoveAsync(minion, MinionKeyState.Accepted, Acceptable, cancellationToken);
        if ((await store.FindAsync(minion, cancellationToken)).FirstOrDefault(k => k.State == MinionKeyState.Accepted) is { } accepted)
        {
            await BrokerAsync(() => broker.GrantAsync(accepted, cancellationToken), StatusCodes.Status502BadGateway, "the key is accepted, but its broker user could not be made (the minion's next enrollment poll tries again)");
        }
    }

    public async Task RejectAsync(string minion, CancellationToken cancellationToken)
    {
        await MoveAsync(minion, MinionKeyState.Rejected, Rejectable, cancellationToken);
        await BrokerAsync(() => RevokeAsync(minion, cancellationToken), StatusCodes.Status502BadGateway, $"the key is rejected, but its broker user could not be deleted: run `keys reject {minion}` again");
    }

    public async Task DeleteAsync(string minion, CancellationToken cancellationToken)
    {
        var deleted = await store.DeleteAsync(minion, cancellationToken);
        Invalidate();

        // Revoked even when no key was on record, so that deleting again finishes a revocation the broker refused.
        await BrokerAsync(() => RevokeAsync(minion, cancellationToken), StatusCodes.Status502BadGateway, $"the key is deleted, but its broker user could not be: run `keys delete {minion}` again");
        if (deleted == 0)
        {
            throw new KeyException($"no key is on record for minion '{minion}'", StatusCodes.Status404NotFound);
        }

        LogChanged(logger, minion, "deleted");
    }

    /// <summary>Makes a single-use token; only its SHA-256 is kept.</summary>
    public async Task<EnrollmentTokenCreated> CreateTokenAsync(TimeSpan ttl, CancellationToken cancellationToken)
    {
        if (ttl <= TimeSpan.Zero || ttl > MaxTokenLifetime)
        {
            throw new KeyException($"ttlSeconds must be between 1 and {MaxTokenLifetime.TotalSeconds:F0} (30 days)", StatusCodes.Status400BadRequest);
        }

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = time.GetUtcNow();
        await store.CreateTokenAsync(Hash(token), now + ttl, now, cancellationToken);
        return new EnrollmentTokenCreated(token, now + ttl);
    }

    /// <summary>Whether the minion's key is accepted: only then is it sent commands and are its events acted on.</summary>
    public async ValueTask<bool> IsAcceptedAsync(string minion, CancellationToken cancellationToken)
    {
        var accepted = _accepted;
        if (accepted is null || time.GetUtcNow() - accepted.LoadedAt > CacheFor)
        {
            accepted = await ReloadAsync(cancellationToken);
        }

        return accepted.Ids.Contains(minion);
    }

    private static async Task<T> BrokerAsync<T>(Func<Task<T>> operation, int status, string what)
    {
        try
        {
            return await operation();
        }
        catch (BrokerIdentityException ex)
        {
            throw new KeyException($"{what}: {ex.Message}", status);
        }
    }

    private async Task<bool> RevokeAsync(string minion, CancellationToken cancellationToken)
    {
        await broker.RevokeAsync(minion, cancellationToken);
        return true;
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string ValidId(string? minion) =>
        string.IsNullOrWhiteSpace(minion) || minion.Length > MaxIdLength || minion.IndexOfAny(['/', '*', '?', '[', ']', ' ', '\t', '\n', '\r']) >= 0
            ? throw new KeyException($"minion: '{minion}' must be 1 to {MaxIdLength} characters, free of '/', glob characters and blanks", StatusCodes.Status400BadRequest)
            : minion;

    // A token is spent only on a key it would change: a new id, or that id's own pending key; never on a denied one.
    private async Task<bool> WouldUseTokenAsync(string minion, string fingerprint, CancellationToken cancellationToken)
    {
        var known = await store.FindAsync(minion, cancellationToken);
        return known.Count == 0 || known.Any(k => k.Fingerprint == fingerprint && k.State == MinionKeyState.Pending);
    }

    private async Task MoveAsync(string minion, MinionKeyState to, IReadOnlyCollection<MinionKeyState> from, CancellationToken cancellationToken)
    {
        if (!await store.SetStateAsync(minion, to, from, time.GetUtcNow(), cancellationToken))
        {
            var known = await store.FindAsync(minion, cancellationToken);
            throw known.Count == 0
                ? new KeyException($"no key is on record for minion '{minion}'", StatusCodes.Status404NotFound)
                : new KeyException($"minion '{minion}''s key is {string.Join(", ", known.Select(k => k.State.ToWire()))}; only a {string.Join(" or ", from.Select(s => s.ToWire()))} key can become {to.ToWire()} (delete a denied id to let it enroll again)", StatusCodes.Status409Conflict);
        }

        LogChanged(logger, minion, to.ToWire());
        Invalidate();
    }

    private void Invalidate() => _accepted = null;

    private async Task<AcceptedSet> ReloadAsync(CancellationToken cancellationToken)
    {
        await _reload.WaitAsync(cancellationToken);
        try
        {
            if (_accepted is { } fresh && time.GetUtcNow() - fresh.LoadedAt <= CacheFor)
            {
                return fresh;
            }

            var keys = await store.ListAsync(cancellationToken);
            var loaded = new AcceptedSet(keys.Where(k => k.State == MinionKeyState.Accepted).Select(k => k.Minion).ToHashSet(StringComparer.Ordinal), time.GetUtcNow());
            _accepted = loaded;
            return loaded;
        }
        finally
        {
            _reload.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Minion {Minion} enrolled key {Fingerprint}: {State}")]
    private static partial void LogEnrolled(ILogger logger, string minion, string fingerprint, string state);

    [LoggerMessage(Level = LogLevel.Information, Message = "Minion {Minion}'s key: {Change}")]
    private static partial void LogChanged(ILogger logger, string minion, string change);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Minion {Minion} presented an unknown, used or expired enrollment token")]
    private static partial void LogTokenRefused(ILogger logger, string minion);
}
