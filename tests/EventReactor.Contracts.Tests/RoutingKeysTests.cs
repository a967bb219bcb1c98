namespace EventReactor.Contracts.Tests;

public sealed class RoutingKeysTests
{
    [Theory]
    [InlineData("minion/web1/docker/container/die", "minion.web1.docker.container.die")]
    [InlineData("ci/build/finished", "ci.build.finished")]
    [InlineData("minion/web1.example.com/start", "minion.web1%2Eexample%2Ecom.start")]
    [InlineData("rate/50%/reached", "rate.50%25.reached")]
    [InlineData("odd/%2E/literal", "odd.%252E.literal")]
    [InlineData("a//b", "a..b")]
    [InlineData("/leading/", ".leading.")]
    [InlineData("single", "single")]
    [InlineData("", "")]
    [InlineData("wild/*/#", "wild.*.#")]
    public void FromTag_Tag_GivesDocumentedKey(string tag, string key) => Assert.Equal(key, RoutingKeys.FromTag(tag));

    [Theory]
    [InlineData("minion/web1/docker/container/die")]
    [InlineData("minion/web1.example.com/start")]
    [InlineData("rate/50%/reached")]
    [InlineData("odd/%2E/%25/%/.")]
    [InlineData("a//b")]
    [InlineData("")]
    [InlineData("ünïcode/tâg")]
    public void ToTag_KeyFromTag_RoundTrips(string tag) => Assert.Equal(tag, RoutingKeys.ToTag(RoutingKeys.FromTag(tag)));

    [Fact]
    public void ToTag_LowerCaseEscape_IsRead() => Assert.Equal("a.b/c%", RoutingKeys.ToTag("a%2eb.c%25"));

    [Theory]
    [InlineData("a%2Fb")]
    [InlineData("trailing%")]
    [InlineData("short%2")]
    public void ToTag_UnknownEscape_ThrowsNamingThePosition(string key)
    {
        var error = Assert.Throws<FormatException>(() => RoutingKeys.ToTag(key));
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromTag_KeyOverAmqpLimit_ThrowsNamingTheLimit()
    {
        Assert.Equal(255, RoutingKeys.FromTag(new string('a', 255)).Length);
        var error = Assert.Throws<ArgumentException>(() => RoutingKeys.FromTag(new string('.', 86)));
        Assert.Contains("255", error.Message, StringComparison.Ordinal);
    }
}
