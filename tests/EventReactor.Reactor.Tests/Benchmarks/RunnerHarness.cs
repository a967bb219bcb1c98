using EventReactor.Contracts.Api;
using System.Text.Json;
using EventReactor.Contracts;
using EventReactor.Contracts.Benchmarks;
using EventReactor.Core.Benchmarks;
using EventReactor.Core.Diagnostics;
using EventReactor.Messaging;
using EventReactor.Reactor.Outbox;
using EventReactor.Reactor.Benchmarks;
using EventReactor.Reactor.Jobs;
using EventReactor.Reactor.Leases;
using EventReactor.Reactor.State;
using EventReactor.Reactor.Tests.Minions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NSubstitute;

namespace EventReactor.Reactor.Tests.Benchmarks;

/// <summary>
/// The benchmark runner over a temporary SQLite file, with a fake dispatcher: each job "returns" the next scripted
/// answer (a <c>container.run</c> return), or nothing at all when the script says null.
/// </summary>
internal sealed class RunnerHarness : IAsyncDisposable
{
    public const string Minion = "m1";

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("bench-");
    private readonly ReactorDatabase _database;
    private readonly Queue<string?> _answers = new();
    private readonly CancellationTokenSource _stopping = new();

    public RunnerHarness(TimeSpan? returnGrace = null)
    {
        var options = Options.Create(new ReactorOptions { DataPath = _root.FullName });
        _database = new ReactorDatabase(options);
        Store = new SqliteBenchmarkStore(_database);
        Minions = new FakeMinionStore().With(Minion, grains: """{"cpu": {"model": "Test CPU 9000"}, "gpus": [{"model": "Tesla K80"}], "virtualization": {"instanceType": null}}""");
        Dispatcher = new ScriptedJobDispatcher(Answer);
        Publisher.EmitAsync(Arg.Do<EventEnvelope>(e => { lock (Published) { Published.Add(e); } }), Arg.Any<CancellationToken>()).Returns(Task.CompletedTask);
        Publisher.EmitAsync(Arg.Do<EventEnvelope>(e => { lock (Published) { Published.Add(e); } }), Arg.Any<LeaseToken>(), Arg.Any<CancellationToken>()).Returns(Task.CompletedTask);
        var lifetime = Substitute.For<IHostApplicationLifetime>();
        lifetime.ApplicationStarted.Returns(new CancellationToken(canceled: true));
        var benchmarkOptions = Options.Create(new BenchmarkOptions { ReturnGrace = returnGrace ?? TimeSpan.FromSeconds(30) });
        Executor = new RepetitionExecutor(Store, Dispatcher, Minions, TimeProvider.System, benchmarkOptions);
        var leases = new LeaseKeeper(new SqliteLeaseStore(_database, TimeProvider.System), Options.Create(new LeaseOptions()), TimeProvider.System, NullLogger<LeaseKeeper>.Instance);
        Runner = new BenchmarkRunner(Store, Executor, new RegressionCheck(Store, benchmarkOptions), Publisher, leases, TimeProvider.System, lifetime, NullLogger<BenchmarkRunner>.Instance);
    }

    public IBenchmarkStore Store { get; }

    public FakeMinionStore Minions { get; }

    public IJobDispatcher Dispatcher { get; }

    public IEventEmitter Publisher { get; } = Substitute.For<IEventEmitter>();

    public List<EventEnvelope> Published { get; } = [];

    public List<JobRequest> Jobs { get; } = [];

    public RepetitionExecutor Executor { get; }

    public BenchmarkRunner Runner { get; }

    public static BenchmarkSuite Suite(string yaml)
    {
        var diagnostics = new List<RuleDiagnostic>();
        return BenchmarkSuiteParser.Parse("t.yaml", yaml, diagnostics) ?? throw new InvalidOperationException(string.Join("\n", diagnostics));
    }

    /// <summary>A suite of exactly <paramref name="repetitions"/> repetitions measuring <c>v</c> (op/s, higher is better), no warm-up.</summary>
    public static BenchmarkSuite FixedSuite(int repetitions) => Suite($$"""
        image: busybox
        command: echo v=1
        repetitions: { min: {{repetitions}}, max: {{repetitions}}, rsd_threshold: 3.5 }
        timeout: 30s
        results: [{ regex: 'v=(?<value>[0-9.]+)', metric: v, unit: op/s, higher_is_better: true }]
        """);

    /// <summary>Returns that print <c>v=</c> each value, one per repetition.</summary>
    public static string[] Values(params double[] values) => [.. values.Select(v => Return(logs: $"v={v}\n"))];

    /// <summary>A return of container.run with wait: the exit, the OOM flag and the log tail.</summary>
    public static string Return(int exitCode = 0, string logs = "", bool oom = false, bool timedOut = false) =>
        JsonSerializer.Serialize(new { success = exitCode == 0 && !timedOut, retcode = timedOut ? 124 : exitCode, @return = new { id = $"c-{Guid.NewGuid():N}", exitCode, oomKilled = oom, timedOut, logs } });

    public RunnerHarness Answer(params string?[] answers)
    {
        foreach (var answer in answers)
        {
            _answers.Enqueue(answer);
        }

        return this;
    }

    public void Migrate() => _database.Migrate(TimeProvider.System);

    /// <summary>Another reactor on the same state takes the runner's lease (for a minute) before this one starts.</summary>
    public Task<LeaseToken?> HoldLeaseElsewhereAsync() =>
        new SqliteLeaseStore(_database, TimeProvider.System).TryAcquireAsync(LeaseName.BenchmarkRunner, "another-reactor", TimeSpan.FromMinutes(1), CancellationToken.None);

    public async Task StartAsync()
    {
        Migrate();
        await Runner.StartAsync(_stopping.Token);
    }

    /// <summary>Records a run as the service does, hands it to the runner, and waits for its done or failed event.</summary>
    public async Task<EventEnvelope> RunAsync(BenchmarkSuite suite, string? id = null)
    {
        var run = new BenchmarkRun(id ?? $"r-{Guid.NewGuid():N}"[..10], suite.Name, BenchmarkStatus.Pending, null, Minion, "list", [Minion], RunPolicy.From(suite), "suite text", null, DateTimeOffset.UtcNow, null, null);
        var grains = new Dictionary<string, GrainsSnapshot> { [Minion] = GrainsSnapshot.From((await Minions.FindAsync(Minion, CancellationToken.None))!.Grains) };
        await Store.CreateRunAsync(run, [new BenchmarkHost(run.Id, Minion, BenchmarkStatus.Pending, null, grains[Minion])], CancellationToken.None);
        var cause = EventEnvelope.Create(BenchmarkTags.New(run.Id), "/reactor");
        Runner.Enqueue(new PendingRun(run, suite, grains, cause));
        return await WaitForAsync(e => e.Tag == $"bench/{run.Id}/done" || e.Tag == $"bench/{run.Id}/failed");
    }

    public async Task<EventEnvelope> WaitForAsync(Func<EventEnvelope, bool> predicate)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            lock (Published)
            {
                if (Published.FirstOrDefault(predicate) is { } found)
                {
                    return found;
                }
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"no such event; published: {string.Join(", ", Published.Select(e => e.Tag))}");
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await Runner.StopAsync(CancellationToken.None);
        Runner.Dispose();
        _stopping.Dispose();
        await _database.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _root.Delete(recursive: true);
    }

    // Answers like a minion would: on another thread, after the command went out.
    private string Answer(JobRequest request)
    {
        Jobs.Add(request);
        var answer = _answers.Count > 0 ? _answers.Dequeue() : Return(logs: "v=1\n");
        if (answer is not null)
        {
            var data = JsonDocument.Parse(answer).RootElement.Clone();
            _ = Task.Run(() => Executor.ObserveAsync(EventEnvelope.Create(JobTags.Return(request.Jid!, Minion), $"/minion/{Minion}", data, Minion), CancellationToken.None));
        }

        return request.Jid!;
    }
}
