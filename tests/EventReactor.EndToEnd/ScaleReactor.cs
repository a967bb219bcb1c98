using System.Diagnostics;

namespace EventReactor.EndToEnd;

/// <summary>
/// One <c>eventreactor reactor</c> process, as an operator runs it, for the scale benchmark: its own data folder and
/// HTTP port, the given bus and state; warnings only on its console (one line per action would be the bottleneck).
/// </summary>
internal sealed class ScaleReactor : IAsyncDisposable
{
    private readonly Process _process;

    private ScaleReactor(Process process, string server)
    {
        _process = process;
        Server = server;
    }

    public int Pid => _process.Id;

    public string Server { get; }

    public static async Task<ScaleReactor> StartAsync(string cli, string rules, string data, int port, string busUrl, string? state, int partitions)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var server = $"http://127.0.0.1:{port}";
        foreach (var argument in new[] { cli, "reactor", "--rules", rules, "--data", data, "--http", server, "--bus", busUrl })
        {
            start.ArgumentList.Add(argument);
        }

        if (state is not null)
        {
            start.ArgumentList.Add("--state");
            start.ArgumentList.Add(state);
        }

        start.Environment["EVENTREACTOR__Logging__LogLevel__Default"] = "Warning";
        start.Environment["EVENTREACTOR__Reactor__Partitions"] = partitions.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {cli}");
        process.OutputDataReceived += (_, line) => Echo(process.Id, line.Data);
        process.ErrorDataReceived += (_, line) => Echo(process.Id, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var reactor = new ScaleReactor(process, server);
        await reactor.WaitReadyAsync();
        return reactor;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static void Echo(int pid, string? line)
    {
        if (line is not null)
        {
            Console.Error.WriteLine($"  [reactor {pid}] {line}");
        }
    }

    private async Task WaitReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.GetTimestamp() + (60 * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the reactor exited with {_process.ExitCode} while starting");
            }

            try
            {
                if ((await http.GetAsync($"{Server}/readyz")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not answering yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{Server}/readyz did not answer within 60 s");
    }
}
