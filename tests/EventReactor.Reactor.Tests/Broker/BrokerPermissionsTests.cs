using System.Text.RegularExpressions;
using EventReactor.Contracts;
using EventReactor.Reactor.Broker;

namespace EventReactor.Reactor.Tests.Broker;

/// <summary>A minion's broker permissions name only itself: RabbitMQ matches these patterns against names and routing keys.</summary>
public sealed class BrokerPermissionsTests
{
    [Theory]
    [InlineData("minion/a/heartbeat")]
    [InlineData("minion/a/docker/container/die")]
    [InlineData("minion/a/metrics/host")]
    [InlineData("job/20260101-abc/ret/a")]
    public void TopicWrite_OwnTags_Allowed(string tag) =>
        Assert.Matches(BrokerPermissions.TopicWrite("a"), RoutingKeys.FromTag(tag));

    [Theory]
    [InlineData("minion/b/heartbeat")]
    [InlineData("minion/ab/heartbeat")]
    [InlineData("minion/a")]
    [InlineData("job/j1/ret/b")]
    [InlineData("job/j1/ret/ab")]
    [InlineData("job/j1/ret/a/more")]
    [InlineData("job/j1/new")]
    [InlineData("reactor/rules/loaded")]
    [InlineData("presence/a")]
    [InlineData("pool/p/scaled")]
    [InlineData("")]
    public void TopicWrite_OtherTags_Refused(string tag) =>
        Assert.DoesNotMatch(BrokerPermissions.TopicWrite("a"), RoutingKeys.FromTag(tag));

    [Fact]
    public void TopicWrite_IdWithADot_MatchesOnlyItsEscapedForm()
    {
        var pattern = BrokerPermissions.TopicWrite("web.1");

        Assert.Matches(pattern, RoutingKeys.FromTag("minion/web.1/heartbeat"));
        Assert.DoesNotMatch(pattern, RoutingKeys.FromTag("minion/webx1/heartbeat"));
        Assert.DoesNotMatch(BrokerPermissions.TopicWrite("web"), RoutingKeys.FromTag("minion/web.1/heartbeat"));
    }

    [Fact]
    public void VhostPermissions_OwnQueueAndIngressOnly()
    {
        Assert.Equal(["eventreactor.minion-bus.a", "eventreactor.minion.a"], Matching(BrokerPermissions.Configure("a")));
        Assert.Equal(["eventreactor.events", "eventreactor.minion-bus.a", "eventreactor.minion.a"], Matching(BrokerPermissions.Write("a")));
        Assert.Equal(["eventreactor.minion-bus.a", "eventreactor.minion.a"], Matching(BrokerPermissions.Read("a")));
        Assert.DoesNotMatch(BrokerPermissions.Read("a"), string.Empty);
        Assert.Equal("minion-a", BrokerPermissions.User("a"));
    }

    private static List<string> Matching(string pattern) =>
        new[] { "eventreactor.events", "eventreactor.all", "eventreactor.reactor", "eventreactor.minion.a", "eventreactor.minion.b", "eventreactor.minion.ab", "eventreactor.minion-bus.a", "eventreactor.minion-bus.b", "eventreactor.minion.a.bus", "eventreactor.minionxa", "amq.default", "amq.topic", "attacker" }
            .Where(name => Regex.IsMatch(name, pattern)).Order(StringComparer.Ordinal).ToList();
}
