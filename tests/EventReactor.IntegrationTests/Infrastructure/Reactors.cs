namespace EventReactor.IntegrationTests.Infrastructure;

/// <summary>Starts the daemons the way an operator would, and waits until they are ready.</summary>
internal static class Reactors
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    public static async Task<CliProcess> StartUpAsync(TestWorkspace workspace, string minionId, IReadOnlyDictionary<string, string>? environment = null, bool waitForDocker = true)
    {
        var env = new Dictionary<string, string>(environment ?? new Dictionary<string, string>()) { ["EVENTREACTOR__Minion__Id"] = minionId };
        var up = CliProcess.Start(["up", "--rules", workspace.RulesPath, "--data", workspace.DataPath, "--http", workspace.Server], env);
        await WaitHealthyAsync(up, workspace.Server);

        // up trusts its own minion; until it has enrolled, its events are not acted on, and until its start event has
        // made it present (it connects to the bus after enrolling), no command can target it.
        await Enrollment.WaitAcceptedAsync(up);
        await up.WaitForLineAsync(l => l.Contains("Presence: new [", StringComparison.Ordinal) && l.Contains(minionId, StringComparison.Ordinal), StartTimeout, $"minion {minionId} to be present");
        if (waitForDocker)
        {
            await up.WaitForLineAsync(l => l.Contains("Watching Docker engine", StringComparison.Ordinal), StartTimeout, "the minion watching Docker");
        }

        return up;
    }

    public static Task WaitHealthyAsync(CliProcess? process, string server) => WaitAnsweringAsync(process, server, "/healthz");

    /// <summary>Waits for <c>/readyz</c>: the bus's receive endpoint is up, so the reactor's queue is declared and bound.</summary>
    public static Task WaitReadyAsync(CliProcess? process, string server) => WaitAnsweringAsync(process, server, "/readyz");

    private static async Task WaitAnsweringAsync(CliProcess? process, string server, string probe)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process is { HasExited: true })
            {
                throw new InvalidOperationException($"the daemon exited with {process.ExitCode} while starting:\n{process.Output}");
            }

            try
            {
                if ((await http.GetAsync($"{server}{probe}")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{server}{probe} did not answer within {StartTimeout.TotalSeconds}s:\n{process?.Output}");
    }

    /// <summary>Starts <c>events watch</c> and waits until it is subscribed, so nothing published afterwards is missed.</summary>
    public static async Task<CliProcess> WatchAsync(string server, string tag, int count = 1, int timeoutSeconds = 30)
    {
        var watch = CliProcess.Start(["events", "watch", "--tag", tag, "--count", count.ToString(System.Globalization.CultureInfo.InvariantCulture), "--timeout", timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json", "--server", server]);
        await watch.WaitForLineAsync(l => l.StartsWith("watching", StringComparison.Ordinal), StartTimeout, "the watch to subscribe");
        return watch;
    }

    /// <summary>
    /// The example rule, fired under a tag unique to the test, for the test's own containers only
    /// (other containers on the shared engine may die meanwhile).
    /// </summary>
    public static string DiedRule(string demoTag, string containerPrefix, string minionGlob = "*") => $$$"""
        rules:
          - name: announce-nonzero-exit
            on: minion/{{{minionGlob}}}/docker/container/die        # one glob or a list of globs
            when: event.data.exitCode != 0 && event.data.name.startsWith('{{{containerPrefix}}}')
            do:
              - event.fire:
                  tag: {{{demoTag}}}
                  data:
                    container: ${{ event.data.name }}
                    exit: ${{ event.data.exitCode }}  # exactly one ${{ }}: keeps its type (integer)
        """;
}
