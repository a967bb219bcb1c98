namespace EventReactor.EndToEnd;

/// <summary>
/// The soak's reactor, in a process of its own: the real reactor with the chained rules, logging every reaction to
/// <c>reactions.log</c> in its folder; says <c>ready</c> once started and stops when its standard input closes.
/// </summary>
internal static class SoakReactorProcess
{
    public const string Ready = "ready";
    public const string LogFile = "reactions.log";

    public static async Task<int> RunAsync(BenchSettings settings)
    {
        Directory.CreateDirectory(settings.Folder);
        await using var log = new ReactionLog(Path.Combine(settings.Folder, LogFile));
        var reactor = await ReactorUnderTest.StartAsync(settings, settings.Folder, log, chained: true);
        await MinionEnrollment.EnrollAsync(reactor, Enumerable.Range(0, settings.Minions).Select(RuleFile.MinionId));
        Console.WriteLine(Ready);
        while (await Console.In.ReadLineAsync() is not null)
        {
            // Nothing to do until the soak closes standard input.
        }

        await reactor.StopAsync();
        await reactor.DisposeAsync();
        return 0;
    }
}
