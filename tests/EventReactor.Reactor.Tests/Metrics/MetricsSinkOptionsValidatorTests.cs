using EventReactor.Reactor.Metrics;

namespace EventReactor.Reactor.Tests.Metrics;

public sealed class MetricsSinkOptionsValidatorTests
{
    [Fact]
    public void PostConfigure_NoSinks_DefaultsToSqlite()
    {
        var options = new MetricsSinkOptions();

        new MetricsSinkDefaults().PostConfigure(null, options);

        Assert.Equal([MetricsSinkNames.Sqlite], options.Sinks);
        Assert.True(new MetricsSinkOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_UnknownSink_FailsNamingTheKey()
    {
        var result = new MetricsSinkOptionsValidator().Validate(null, new MetricsSinkOptions { Sinks = ["influx"] });

        Assert.Contains("Reactor:Metrics:Sinks 'influx'", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ElasticsearchWithoutUrl_FailsNamingTheKey()
    {
        var result = new MetricsSinkOptionsValidator().Validate(null, new MetricsSinkOptions { Sinks = ["elasticsearch"] });

        Assert.Contains("Reactor:Metrics:Elasticsearch:Url", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NamespaceWithDash_FailsNamingTheKey()
    {
        var options = new MetricsSinkOptions { Sinks = ["elasticsearch"], Elasticsearch = new ElasticsearchSinkOptions { Url = "http://es:9200", Namespace = "prod-eu" } };

        var result = new MetricsSinkOptionsValidator().Validate(null, options);

        Assert.Contains("Reactor:Metrics:Elasticsearch:Namespace 'prod-eu'", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PasswordWithoutUsername_Fails()
    {
        var options = new MetricsSinkOptions { Sinks = ["elasticsearch"], Elasticsearch = new ElasticsearchSinkOptions { Url = "https://es:9200", Password = "x" } };

        Assert.True(new MetricsSinkOptionsValidator().Validate(null, options).Failed);
    }
}
