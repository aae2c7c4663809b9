using Bot.Host.Net;

namespace Bot.Tests.Discord.Gateway;

public sealed class GatewayReconnectPolicyTests
{
    private readonly GatewayReconnectPolicy _policy =
        new(new ExponentialBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), () => 1.0), () => 0.5);

    [Theory]
    [InlineData(4004)]
    [InlineData(4010)]
    [InlineData(4011)]
    [InlineData(4012)]
    [InlineData(4013)]
    [InlineData(4014)]
    public void Close_codes_that_forbid_reconnecting_stop(int code)
    {
        var decision = _policy.Decide(GatewayDisconnect.Closed(code, null), 0);
        Assert.Equal(GatewayReconnectAction.Stop, decision.Action);
        Assert.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), decision.Reason);
    }

    [Theory]
    [InlineData(4003)]
    [InlineData(4007)]
    [InlineData(4009)]
    public void Close_codes_that_need_a_new_session_identify(int code) =>
        Assert.Equal(GatewayReconnectAction.Identify, _policy.Decide(GatewayDisconnect.Closed(code, null), 0).Action);

    [Theory]
    [InlineData(4000)]
    [InlineData(4001)]
    [InlineData(4002)]
    [InlineData(4005)]
    [InlineData(1006)]
    public void Other_close_codes_resume(int code) =>
        Assert.Equal(GatewayReconnectAction.Resume, _policy.Decide(GatewayDisconnect.Closed(code, null), 0).Action);

    [Fact]
    public void A_drop_after_a_healthy_connection_resumes_at_once() =>
        Assert.Equal(new GatewayReconnectDecision(GatewayReconnectAction.Resume, TimeSpan.Zero, GatewayDisconnect.Dropped("x").ToString()),
            _policy.Decide(GatewayDisconnect.Dropped("x"), 0));

    [Fact]
    public void Repeated_failures_back_off_exponentially_up_to_the_cap()
    {
        var delays = Enumerable.Range(1, 10).Select(n => _policy.Decide(GatewayDisconnect.ConnectFailed("refused"), n).Delay).ToList();
        Assert.Equal(TimeSpan.FromSeconds(1), delays[0]);
        Assert.Equal(TimeSpan.FromSeconds(2), delays[1]);
        Assert.Equal(TimeSpan.FromSeconds(4), delays[2]);
        Assert.Equal(TimeSpan.FromSeconds(60), delays[^1]);
    }

    [Fact]
    public void Failing_to_reach_the_resume_url_repeatedly_falls_back_to_a_new_session()
    {
        Assert.Equal(GatewayReconnectAction.Resume, _policy.Decide(GatewayDisconnect.ConnectFailed("refused"), 2).Action);
        Assert.Equal(GatewayReconnectAction.Identify, _policy.Decide(GatewayDisconnect.ConnectFailed("refused"), 3).Action);
    }

    [Fact]
    public void Op9_not_resumable_identifies_after_one_to_five_seconds()
    {
        var decision = _policy.Decide(GatewayDisconnect.InvalidSession(resumable: false), 0);
        Assert.Equal(GatewayReconnectAction.Identify, decision.Action);
        Assert.Equal(TimeSpan.FromSeconds(3), decision.Delay); // 1 + 4 × 0.5
    }

    [Fact]
    public void Op9_resumable_and_op7_resume()
    {
        Assert.Equal(GatewayReconnectAction.Resume, _policy.Decide(GatewayDisconnect.InvalidSession(resumable: true), 0).Action);
        Assert.Equal(GatewayReconnectAction.Resume, _policy.Decide(GatewayDisconnect.ReconnectRequested(), 0).Action);
        Assert.Equal(GatewayReconnectAction.Resume, _policy.Decide(GatewayDisconnect.Zombied(), 0).Action);
    }

    [Fact]
    public void Rate_limited_close_never_reconnects_immediately() =>
        Assert.True(_policy.Decide(GatewayDisconnect.Closed(4008, null), 0).Delay > TimeSpan.Zero);
}
