using System.Diagnostics;
using EventReactor.Reactor.Pools.Provisioning.Ssh;

namespace EventReactor.Reactor.Tests.Pools.Provisioning.Ssh;

public sealed class SshShellTests
{
    [Theory]
    [InlineData("plain")]
    [InlineData("it's $HOME `id` \"quoted\" \\ back")]
    public async Task Quote_AnyText_ShellReadsItBackUnchanged(string value)
    {
        Assert.Equal(value, await ShAsync($"printf %s {SshShell.Quote(value)}"));
    }

    [Fact]
    public async Task EnvironmentLine_SpecialCharacters_ShellSourcesTheSameValue()
    {
        const string Value = "rabbitmq://u:p$w\"d`x`\\@10.0.0.1:5672/v";
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, SshShell.EnvironmentLine("VALUE", Value) + SshShell.EnvironmentLine("LINES", "a\nb"));

            Assert.Equal(Value + "|a b", await ShAsync($". {file} && printf '%s|%s' \"$VALUE\" \"$LINES\""));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<string> ShAsync(string script)
    {
        using var sh = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", script]) { RedirectStandardOutput = true, UseShellExecute = false })!;
        var output = await sh.StandardOutput.ReadToEndAsync();
        await sh.WaitForExitAsync();
        return output;
    }
}
