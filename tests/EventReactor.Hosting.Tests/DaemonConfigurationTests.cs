using Microsoft.Extensions.Configuration;

namespace EventReactor.Hosting.Tests;

public sealed class DaemonConfigurationTests
{
    [Fact]
    public void CreateBuilder_CommandLineSetting_WinsOverEnvironment()
    {
        Environment.SetEnvironmentVariable("EVENTREACTOR__Minion__Id", "from-environment");
        try
        {
            var builder = DaemonConfiguration.CreateBuilder(new DaemonSettings().Set("Minion:Id", "from-command-line"));

            Assert.Equal("from-command-line", builder.Configuration["Minion:Id"]);
        }
        finally
        {
            Environment.SetEnvironmentVariable("EVENTREACTOR__Minion__Id", null);
        }
    }
}
