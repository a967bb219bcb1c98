using System.Diagnostics;

namespace EventReactor.EndToEnd;

/// <summary>
/// This program started again as one part of the soak (<c>soak-reactor</c> or <c>soak-minion</c>): its output lines
/// are kept (the last one by prefix) and echoed with its name; its standard input stays open until <see cref="StopAsync"/>.
/// </summary>
internal sealed class SoakChild : IDisposable
{
    private readonly Process _process;
    private readonly string _name;
    private readonly Dictionary<string, string> _last = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    private SoakChild(string name, Process process)
    {
        _name = name;
        _process = process;
    }

    public int Pid => _process.Id;

    /// <summary>Starts it with this process's environment, less the variables named in <paramref name="unset"/>.</summary>
    public static SoakChild Start(string name, IEnumerable<string> arguments, params string[] unset)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var variable in unset)
        {
            start.Environment.Remove(variable);
        }

        start.ArgumentList.Add(typeof(SoakChild).Assembly.Location);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start the soak's {name}");
        var child = new SoakChild(name, process);
        process.OutputDataReceived += (_, line) => child.Keep(line.Data);
        process.BeginOutputReadLine();
        return child;
    }

    /// <summary>The last line that began with <paramref name="prefix"/>, without it.</summary>
    public string? Last(string prefix)
    {
        lock (_gate)
        {
            return _last.GetValueOrDefault(prefix);
        }
    }

    public async Task WaitForLineAsync(string prefix, TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Last(prefix) is null)
        {
            if (_process.HasExited || Stopwatch.GetTimestamp() > deadline)
            {
                throw new InvalidOperationException($"the soak's {_name} did not say '{prefix}' within {timeout.TotalSeconds:F0}s (exited: {_process.HasExited})");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Closes its standard input (the reactor's signal to stop) and waits for it to end.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        _process.StandardInput.Close();
        await _process.WaitForExitAsync().WaitAsync(timeout);
    }

    public Task WaitForExitAsync(TimeSpan timeout) => _process.WaitForExitAsync().WaitAsync(timeout);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        Console.Error.WriteLine($"  [{_name}] {line}");
        foreach (var prefix in new[] { SoakReactorProcess.Ready, SoakMinionProcess.OutboxPrefix, SoakMinionProcess.HeapPrefix, SoakMinionProcess.DonePrefix })
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                lock (_gate)
                {
                    _last[prefix] = line[prefix.Length..];
                }
            }
        }
    }
}
