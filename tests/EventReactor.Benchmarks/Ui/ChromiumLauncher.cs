using Microsoft.Playwright;

namespace EventReactor.Benchmarks.Ui;

/// <summary>
/// Debian's chromium, driven by Playwright: no browser download (there is no internet here), the same flags everywhere.
/// A missing chromium is an error that names the command that installs it.
/// </summary>
internal static class ChromiumLauncher
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"{ExecutablePath} is missing; install it with: sudo apt-get install -y chromium (or sudo deploy/dev/services.sh)");
        }

        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }
}
