using System.Diagnostics;
using System.Globalization;
using EventReactor.Reactor.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace EventReactor.EndToEnd;

/// <summary>
/// The soak's reactor, in a process of its own: the real reactor with the chained rules, logging every reaction to
/// <c>reactions.log</c> in its folder; says <c>ready</c> once started, its outbox's depth every 10 s, and stops when its
/// standard input closes and its outbox is empty (at most 30 s later; the soak waits a minute for it to exit).
/// </summary>
internal static class SoakReactorProcess
{
    public const string Ready = "ready";
    public const string LogFile = "reactions.log";
    public const string OutboxPrefix = "outbox ";

    public static async Task<int> RunAsync(BenchSettings settings)
    {
        Directory.CreateDirectory(settings.Folder);
        await using var log = new ReactionLog(Path.Combine(settings.Folder, LogFile));
        var reactor = await ReactorUnderTest.StartAsync(settings, settings.Folder, log, chained: true);
        await MinionEnrollment.EnrollAsync(reactor, Enumerable.Range(0, settings.Minions).Select(RuleFile.MinionId));
        Console.WriteLine(Ready);
        using var reporting = new CancellationTokenSource();
        var outbox = reactor.Services.GetRequiredService<IReactorOutbox>();
        var reporter = ReportOutboxAsync(outbox, reporting.Token);
        while (await Console.In.ReadLineAsync() is not null)
        {
            // Nothing to do until the soak closes standard input.
        }

        await reporting.CancelAsync();
        await reporter;

        // The queue is empty by now, but a reaction still in the outbox (fired, not yet evaluated or published) is not
        // in the log yet and would count as missing.
        var deadline = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * 30);
        while (await outbox.CountAsync(CancellationToken.None) > 0 && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(200);
        }

        await reactor.StopAsync();
        await reactor.DisposeAsync();
        return 0;
    }

    private static async Task ReportOutboxAsync(IReactorOutbox outbox, CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var depth = await outbox.CountAsync(stop);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{OutboxPrefix}{depth}"));
                await Task.Delay(TimeSpan.FromSeconds(10), stop);
            }
        }
        catch (OperationCanceledException)
        {
            // The soak is over.
        }
    }
}
