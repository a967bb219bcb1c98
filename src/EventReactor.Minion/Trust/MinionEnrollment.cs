using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using EventReactor.Contracts.Api;
using EventReactor.Messaging.Resilience;
using EventReactor.Storage.Keys;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Registry;

namespace EventReactor.Minion.Trust;

/// <summary>
/// Enrolls the minion's key with the reactor (<c>POST /api/keys/enroll</c>) until it is accepted, then pins the reactor
/// key the answer carries, and keeps its own broker account when the answer carries one (sealed to the minion's key).
/// A pinned minion has nothing to do; one without <c>Minion:Reactor</c> says once that it will refuse every command.
/// Before the bus starts, a minion without a broker account asks once (a pinned one too, for a reactor that started
/// managing broker users later).
/// A minion given its account only after its bus started (an operator accepted it later) stops with exit code 75, to be
/// started again by its supervisor with that account.
/// </summary>
internal sealed partial class MinionEnrollment(
    MinionIdentity identity,
    MinionBrokerCredential broker,
    IHostApplicationLifetime lifetime,
    IOptions<MinionOptions> options,
    ResiliencePipelineProvider<string> pipelines,
    ILogger<MinionEnrollment> logger) : BackgroundService, IHostedLifecycleService
{
    /// <summary>The exit code of a minion that stops to connect again with the broker user it was just given (EX_TEMPFAIL): a supervisor restarts it.</summary>
    public const int RestartExitCode = 75;

    /// <summary>What the reactor seals the credential for; the same constant as the reactor's <c>BrokerAccounts.SealPurpose</c>.</summary>
    private const string SealPurpose = "eventreactor/broker-credential/v1";

    private readonly ResiliencePipeline _enroll = pipelines.GetPipeline(ResiliencePipelineNames.MinionEnroll);
    private volatile bool _busStarted;

    /// <summary>
    /// Before anything connects: one enrollment attempt when the minion has no broker account yet, so that a minion
    /// accepted at once (a token, auto-accept) connects with its own account from the start.
    /// </summary>
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (broker.Current is not null || options.Value.Reactor is not { Length: > 0 } reactor)
        {
            return;
        }

        // Short: a pinned minion asks only in case the reactor has started managing broker users, and must not wait long.
        using var http = new HttpClient { BaseAddress = new Uri(reactor), Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            Take(await EnrollAsync(http, Request(), cancellationToken), reactor);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException or EnrollmentRefusedException or CryptographicException)
        {
            // The background loop asks again, and says why if it keeps failing.
            LogWaiting(logger, ex.GetBaseException().Message, 0);
        }
    }

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        _busStarted = true;
        return Task.CompletedTask;
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minion = options.Value;
        if (identity.PinnedReactorKey is not null)
        {
            LogPinned(logger, minion.Id);
            return;
        }

        if (minion.Reactor is not { Length: > 0 } reactor)
        {
            LogNoReactor(logger, minion.Id);
            return;
        }

        using var http = new HttpClient { BaseAddress = new Uri(reactor), Timeout = TimeSpan.FromSeconds(10) };
        var request = Request();
        var hooks = new RetryHooks
        {
            Transient = static failure => failure is HttpRequestException or TaskCanceledException or JsonException,
            Incomplete = static answer => answer is EnrollResponse { State: not MinionKeyState.Accepted },
            OnRetry = (failure, delay) => LogWaiting(logger, failure?.GetBaseException().Message ?? "the key is not accepted yet", delay.TotalSeconds),
        };
        try
        {
            var answer = await _enroll.RunAsync(token => new ValueTask<EnrollResponse?>(EnrollAsync(http, request, token)), hooks, stoppingToken);
            if (Take(answer, reactor) && _busStarted)
            {
                // The bus connected (or failed to, and gave up) as someone else, and MassTransit does not log in again
                // with a new credential: stop, so that the supervisor (systemd Restart=on-failure) starts the minion
                // again, connecting with its own account from the start.
                LogRestarting(logger, minion.Id);
                Environment.ExitCode = RestartExitCode;
                lifetime.StopApplication();
            }
        }
        catch (EnrollmentRefusedException ex)
        {
            LogRefused(logger, minion.Id, ex.Message);
        }
        catch (CryptographicException ex)
        {
            LogRefused(logger, minion.Id, $"the broker credential in the answer was not sealed to this minion's key: {ex.Message}");
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    // Pins the reactor key and keeps the broker account an accepted answer carries; true when the account is new.
    private bool Take(EnrollResponse? answer, string reactor)
    {
        if (answer is { State: MinionKeyState.Accepted, ReactorPublicKey: { } reactorKey } && identity.PinnedReactorKey is null)
        {
            identity.Pin(reactorKey);
            LogAccepted(logger, options.Value.Id, reactor);
        }

        if (answer?.BrokerCredential is not { } sealedCredential)
        {
            return false;
        }

        var credential = OpenCredential(sealedCredential);
        if (!broker.Store(credential))
        {
            return false;
        }

        LogBrokerUser(logger, options.Value.Id, credential.Username);
        return true;
    }

    private EnrollRequest Request() => new(options.Value.Id, identity.PublicPem, Token(options.Value));

    private BrokerCredential OpenCredential(SealedBrokerCredential sealedCredential)
    {
        var box = new SealedBox(
            Convert.FromBase64String(sealedCredential.EphemeralPublicKey),
            Convert.FromBase64String(sealedCredential.Nonce),
            Convert.FromBase64String(sealedCredential.Ciphertext),
            Convert.FromBase64String(sealedCredential.Tag));
        return JsonSerializer.Deserialize<BrokerCredential>(KeySealing.Open(identity.Key, box, SealPurpose))
            ?? throw new CryptographicException("the sealed broker credential is empty");
    }

    private static string? Token(MinionOptions minion) =>
        minion.EnrollmentToken is { Length: > 0 } token ? token
        : minion.EnrollmentTokenFile is { Length: > 0 } file ? File.ReadLines(file).FirstOrDefault()?.Trim()
        : null;

    private static async Task<EnrollResponse?> EnrollAsync(HttpClient http, EnrollRequest request, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("api/keys/enroll", request, cancellationToken);
        if ((int)response.StatusCode is >= 400 and < 500 and not 429)
        {
            // A bad token or a bad request will not get better by asking again.
            throw new EnrollmentRefusedException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<EnrollResponse>(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Minion {Minion} is enrolled: the reactor key is pinned")]
    private static partial void LogPinned(ILogger logger, string minion);

    [LoggerMessage(Level = LogLevel.Information, Message = "Minion {Minion} enrolled with {Reactor}: key accepted, reactor key pinned")]
    private static partial void LogAccepted(ILogger logger, string minion, string reactor);

    [LoggerMessage(Level = LogLevel.Information, Message = "Minion {Minion} has its own broker user {User}: it connects with it from now on")]
    private static partial void LogBrokerUser(ILogger logger, string minion, string user);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Minion {Minion} stops to connect again with its own broker user (exit code 75): its supervisor starts it again")]
    private static partial void LogRestarting(ILogger logger, string minion);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Minion {Minion} has no reactor key pinned and no Minion:Reactor to enroll with: every command will be refused")]
    private static partial void LogNoReactor(ILogger logger, string minion);

    [LoggerMessage(Level = LogLevel.Information, Message = "Enrollment: {Reason}; asking again in {DelaySeconds:F1}s")]
    private static partial void LogWaiting(ILogger logger, string reason, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Minion {Minion}'s enrollment was refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string minion, string reason);
}
