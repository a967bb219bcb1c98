using System.Collections.Concurrent;
using System.Diagnostics;

namespace EventReactor.IntegrationTests.Infrastructure;

/// <summary>The real <c>eventreactor</c> command in a child process, with its output kept for assertions.</summary>
internal sealed class CliProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stdout = new();
    private readonly ConcurrentQueue<string> _stderr = new();
    private readonly SemaphoreSlim _changed = new(0);
    private bool _disposed;

    private CliProcess(Process process)
    {
        _process = process;
    }

    public IReadOnlyCollection<string> Stdout => _stdout;

    public IReadOnlyCollection<string> Stderr => _stderr;

    public string Output => string.Join('\n', _stdout.Concat(_stderr));

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static CliProcess Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        start.ArgumentList.Add(RepoPaths.CliDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var cli = new CliProcess(process);
        process.OutputDataReceived += (_, line) => cli.Add(cli._stdout, line.Data);
        process.ErrorDataReceived += (_, line) => cli.Add(cli._stderr, line.Data);
        process.Exited += (_, _) => cli._changed.Release();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return cli;
    }

    /// <summary>Waits until some output line satisfies the predicate; fails with the output so far if it does not come.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> predicate, TimeSpan timeout, string what)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            var line = _stdout.Concat(_stderr).FirstOrDefault(predicate);
            if (line is not null)
            {
                return line;
            }

            if (_process.HasExited)
            {
                await _process.WaitForExitAsync();
                line = _stdout.Concat(_stderr).FirstOrDefault(predicate);
                return line ?? throw new TimeoutException($"the process exited ({_process.ExitCode}) before {what}. Output:\n{Output}");
            }

            try
            {
                await _changed.WaitAsync(TimeSpan.FromMilliseconds(200), deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"no {what} within {timeout.TotalSeconds}s. Output:\n{Output}");
            }
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the process did not exit within {timeout.TotalSeconds}s. Output:\n{Output}");
        }

        // Flush the asynchronous output readers.
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public int Id => _process.Id;

    /// <summary>SIGKILL of this process alone, as a crash would end it; its children are not touched.</summary>
    public void Crash() => _process.Kill(entireProcessTree: false);

    /// <summary>SIGTERM, as an operator's stop: the process shuts down gracefully.</summary>
    public void Terminate() => Signals.Send(_process.Id, "TERM");

    public async ValueTask DisposeAsync()
    {
        // A test that disposes a process to restart it may fail before the restart; its finally disposes it again.
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _changed.Dispose();
    }

    private void Add(ConcurrentQueue<string> queue, string? line)
    {
        if (line is not null)
        {
            queue.Enqueue(line);
            _changed.Release();
        }
    }
}
