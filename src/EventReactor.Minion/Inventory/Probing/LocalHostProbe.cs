using System.ComponentModel;
using System.Diagnostics;

namespace EventReactor.Minion.Inventory.Probing;

/// <summary>The real host this process runs on.</summary>
internal sealed class LocalHostProbe : IHostProbe
{
    public string? ReadFile(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // sysfs answers EINVAL for e.g. the speed of a link that is down; that is "not known", not a failure.
            return null;
        }
    }

    public IReadOnlyList<string> ListDirectory(string path)
    {
        try
        {
            return Directory.Exists(path)
                ? Directory.EnumerateFileSystemEntries(path).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList()
                : [];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    public FileSystemUsage? GetFileSystemUsage(string path) => LibC.Statvfs(path);

    public async Task<string?> RunAsync(string program, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception();
        }
        catch (Win32Exception)
        {
            return null; // not installed: the tool is simply not present on this host
        }

        using (process)
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            try
            {
                var output = process.StandardOutput.ReadToEndAsync(deadline.Token);
                _ = process.StandardError.ReadToEndAsync(deadline.Token);
                await process.WaitForExitAsync(deadline.Token);
                var text = await output;
                return process.ExitCode == 0 ? text : null;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // A hung tool (nvidia-smi on a wedged driver) must not stall the inventory.
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // It exited between the timeout and the kill.
                }

                return null;
            }
        }
    }
}
