using System.Net;
using EventReactor.Contracts;
using EventReactor.Core.Evaluation;
using EventReactor.Reactor.Leases;
using EventReactor.Reactor.Outbox;
using EventReactor.Reactor.Actions;
using EventReactor.Reactor.Audit;
using EventReactor.Reactor.Broker;
using EventReactor.Reactor.Keys;
using EventReactor.Reactor.Processing;
using EventReactor.Reactor.Reactions;
using EventReactor.Reactor.Rules;
using EventReactor.Reactor.State;
using EventReactor.Reactor.Tests.Keys;
using EventReactor.Messaging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NSubstitute;

namespace EventReactor.Reactor.Tests;

/// <summary>
/// A reactor's processing pipeline over a temporary rules folder and SQLite file, with a fake HTTP; what its actions emit
/// (stored with their ledger completions) is also listed in <see cref="Published"/>. Nothing evaluates the outbox.
/// </summary>
internal sealed class ReactorHarness : IAsyncDisposable
{
    private readonly DirectoryInfo _root;
    private readonly ReactorDatabase _database;
    private readonly AuditWriter _audit;

    public ReactorHarness(string rules, int maxDepth = 8, DirectoryInfo? root = null, IMinionTrust? trust = null, IEventIdentityCheck? identity = null, LeaseOptions? leases = null)
    {
        leases ??= new LeaseOptions();
        Trust = trust ?? FakeMinionTrust.Everyone;
        _root = root ?? Directory.CreateTempSubdirectory("reactor-");
        Directory.CreateDirectory(RulesPath);
        File.WriteAllText(Path.Combine(RulesPath, "rules.yaml"), rules);
        var options = Options.Create(new ReactorOptions { RulesPath = RulesPath, DataPath = Path.Combine(_root.FullName, "data"), MaxDepth = maxDepth });
        var http = Substitute.For<IHttpClientFactory>();
        http.CreateClient(Arg.Any<string>()).Returns(_ => new HttpClient(Http, disposeHandler: false));
        var registry = new ActionRegistry([new EventFireAction(), new LogAction(NullLogger<LogAction>.Instance), new HttpPostAction(http)]);
        Rules = new RuleSetProvider(options, registry);
        var load = Rules.Reload();
        Assert.True(load.IsValid, string.Join("\n", load.Diagnostics));
        _database = new ReactorDatabase(options);
        _audit = new AuditWriter(new SqliteAuditStore(_database));
        Outbox = new SqliteReactorOutbox(_database, TimeProvider.System);
        var ledger = new EmissionRecordingLedger(new SqliteReactionLedger(_database, new ReactorLiveness(new SqliteLeaseStore(_database, TimeProvider.System), "reactor", leases.Duration, TimeProvider.System), TimeProvider.System), Published);
        var executor = new ActionExecutor(registry, ledger, new RetryPipelines(Options.Create(leases)), new OutboxSignal(), NullLogger<ActionExecutor>.Instance);
        Processor = new EventProcessor(Rules, new RuleEvaluator(maxDepth, new ThrottleGate(TimeProvider.System)), executor, _audit, new MinionEventTrust(Trust, identity ?? new BrokerIdentityCheck(Options.Create(new BrokerIdentityOptions()), Options.Create(new BusOptions()))), TimeProvider.System, NullLogger<EventProcessor>.Instance);
    }

    /// <summary>Which minions' events are acted on; every minion unless the test says otherwise.</summary>
    public IMinionTrust Trust { get; }

    public string RulesPath => Path.Combine(_root.FullName, "reactors");

    /// <summary>What the actions emitted, in completion order (locked: tests may process events concurrently).</summary>
    public List<EventEnvelope> Published { get; } = [];

    public IReactorOutbox Outbox { get; }

    public FakeHttpHandler Http { get; } = new();

    public RuleSetProvider Rules { get; }

    public EventProcessor Processor { get; }

    public IAuditLog Audit => _audit;

    /// <summary>The audit's writer, which also writes the journal's rows.</summary>
    internal AuditWriter AuditWriter => _audit;

    public ReactorDatabase Database => _database;

    public static async Task<ReactorHarness> StartAsync(string rules, int maxDepth = 8, DirectoryInfo? root = null, IMinionTrust? trust = null, IEventIdentityCheck? identity = null, LeaseOptions? leases = null)
    {
        var harness = new ReactorHarness(rules, maxDepth, root, trust, identity, leases);
        harness._database.Migrate(TimeProvider.System);
        await harness._audit.StartAsync(CancellationToken.None);
        return harness;
    }

    /// <summary>A new harness on the same folder: what a reactor restart sees.</summary>
    public async Task<ReactorHarness> RestartAsync(string rules)
    {
        await StopAsync();
        return await StartAsync(rules, root: _root);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            _root.Delete(recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Already gone.
        }
    }

    private async Task StopAsync()
    {
        await _audit.StopAsync(CancellationToken.None);
        await _database.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    internal sealed class FakeHttpHandler : HttpMessageHandler
    {
        public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;

        public List<(Uri Uri, string Body)> Requests { get; } = [];

        /// <summary>Runs as each request arrives, before it is answered.</summary>
        public Action? OnRequest { get; set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add((request.RequestUri!, await request.Content!.ReadAsStringAsync(cancellationToken)));
            OnRequest?.Invoke();
            cancellationToken.ThrowIfCancellationRequested();
            return new HttpResponseMessage(Status);
        }
    }
}
