namespace EventReactor.Messaging.Tests.Addresses;

/// <summary><c>Bus:Url</c> with one broker node or several nodes of one cluster, and <c>Bus:Heartbeat</c>.</summary>
public sealed class BusAddressTests
{
    [Fact]
    public void Parse_OneNode_IsItsOnlyNode()
    {
        var address = BusAddress.Parse("rabbitmq://guest:guest@localhost:5681/vh");

        Assert.Equal([new BusNode("localhost", 5681)], address.Nodes);
        Assert.Equal(("localhost", (ushort)5681, "vh"), (address.Host, address.Port, address.VirtualHost));
    }

    [Fact]
    public void Parse_SeveralNodes_KeepsTheirOrderWithSharedCredentialsAndVirtualHost()
    {
        var address = BusAddress.Parse("rabbitmq://reactor:p%40ss@broker1:5681,broker2,10.0.0.3:5683/prod");

        Assert.Equal([new BusNode("broker1", 5681), new BusNode("broker2", 5672), new BusNode("10.0.0.3", 5683)], address.Nodes);
        Assert.Equal(("broker1", (ushort)5681, "prod", "reactor", "p@ss"), (address.Host, address.Port, address.VirtualHost, address.Username, address.Password));
        Assert.Equal("rabbitmq://reactor@broker1:5681,broker2:5672,10.0.0.3:5683/prod", address.ToString());
    }

    [Fact]
    public void Parse_IPv6Nodes_AreWrittenInBracketsOnce()
    {
        var address = BusAddress.Parse("rabbitmq://u:p@[::1]:5681,[fe80::1]/");

        Assert.Equal("rabbitmq://u@[::1]:5681,[fe80::1]:5672/", address.ToString());
    }

    [Fact]
    public void Parse_SeveralNodesOverTls_DefaultPortIs5671()
    {
        var address = BusAddress.Parse("amqps://u:p@a,b:5700/");

        Assert.Equal([new BusNode("a", 5671), new BusNode("b", 5700)], address.Nodes);
    }

    [Theory]
    [InlineData("rabbitmq://guest:guest@a:5681,,b:5682/", "empty node")]
    [InlineData("rabbitmq://guest:guest@a:5681,a:5681/", "names the node a:5681 twice")]
    [InlineData("rabbitmq://guest:guest@a:5681,b:notaport/", "is not a URL")]
    [InlineData("memory://a,b", "memory:// is one process")]
    public void Parse_BadListOfNodes_FailsSayingWhatIsWrong(string url, string expected)
    {
        var error = Assert.Throws<FormatException>(() => BusAddress.Parse(url));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadNodeList_FailsNamingTheKey()
    {
        var result = new BusOptionsValidator().Validate(null, new BusOptions { Url = "rabbitmq://a:1,,b:2/" });

        Assert.Contains(result.Failures!, f => f.StartsWith("Bus:Url:", StringComparison.Ordinal) && f.Contains("empty node", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.5)]
    [InlineData(70000)]
    public void Validate_HeartbeatNotWholeSecondsInRange_Fails(double seconds)
    {
        var result = new BusOptionsValidator().Validate(null, new BusOptions { Heartbeat = TimeSpan.FromSeconds(seconds) });

        Assert.Contains(result.Failures!, f => f.StartsWith("Bus:Heartbeat", StringComparison.Ordinal));
    }

    [Fact]
    public void CreateConnectionFactory_Heartbeat_IsRequested()
    {
        var factory = BusAddress.Parse("rabbitmq://localhost/").CreateConnectionFactory("test", new BusTlsOptions(), TimeSpan.FromSeconds(2));

        Assert.Equal(TimeSpan.FromSeconds(2), factory.RequestedHeartbeat);
        Assert.True(new BusOptionsValidator().Validate(null, new BusOptions { Heartbeat = TimeSpan.FromSeconds(2) }).Succeeded);
    }
}
