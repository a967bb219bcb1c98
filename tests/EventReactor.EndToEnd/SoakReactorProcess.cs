using System.Globalization;
using EventReactor.Reactor.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace EventReactor.EndToEnd;

/// <summary>
/// The soak's reactor, in a process of its own: the real reactor with the chained rules, logging every reaction to
/// <c>reactions.log</c> in its folder; says <c>ready</c> once started, its outbox's depth every 10 s, and stops when its
/// standard input closes.
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
        var reporter = ReportOutboxAsync(reactor.Services.GetRequiredService<IReactorOutbox>(), reporting.Token);
        while (await Console.In.ReadLineAsync() is not null)
        {
            // Nothing to do until the soak closes standard input.
        }

        await reporting.CancelAsync();
        await reporter;
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
