using Dangjian.Core.Features.WorkLog;
using Shouldly;

namespace Dangjian.Core.Tests.Features.WorkLog;

public sealed class WorkLogValidationTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    [Theory]
    [InlineData("24", true)]
    [InlineData("24.01", false)]
    [InlineData("0", true)]
    [InlineData("-0.5", false)]
    public void Hours_per_person_per_day_stop_at_24(string hours, bool valid)
    {
        var v = new WorkLogValidation();
        v.HoursPerDay(decimal.Parse(hours), "hours", "张三");
        v.IsValid.ShouldBe(valid);
        if (!valid) v.Errors[0].Message.ShouldContain("张三");
    }

    [Fact]
    public void Today_is_allowed_tomorrow_is_not()
    {
        var v = new WorkLogValidation();
        v.NotInFuture(Today, Today, "date");
        v.IsValid.ShouldBeTrue();
        v.NotInFuture(Today.AddDays(1), Today, "date", "活动日期");
        v.Errors.Single().Message.ShouldBe("活动日期（2026-12-04）不能晚于今天（2026-12-03）");
    }

    [Theory]
    [InlineData("12.5", 1, true)]
    [InlineData("12.55", 1, false)]
    [InlineData("12.50", 1, true)]
    [InlineData("3", 0, true)]
    [InlineData("3.1", 0, false)]
    public void Decimals_within_what_the_indicator_allows(string value, int decimals, bool valid)
    {
        var v = new WorkLogValidation();
        v.Decimals(decimal.Parse(value), decimals, "value", "数值");
        v.IsValid.ShouldBe(valid);
    }

    [Fact]
    public void Negative_amounts_are_refused_zero_is_not()
    {
        var v = new WorkLogValidation();
        v.NotNegative(0m, "amount", "金额");
        v.IsValid.ShouldBeTrue();
        v.NotNegative(-0.01m, "amount", "金额");
        v.Errors.Single().Message.ShouldBe("金额不能为负数");
    }

    [Fact]
    public void Every_error_of_a_form_is_reported_at_once()
    {
        var v = new WorkLogValidation();
        v.Text("  ", "title", "活动名称", 100);
        v.NotNegative(-1, "count", "群众志愿者人数");
        v.Period(Today, Today.AddDays(-1), "to");
        v.Errors.Select(e => e.Field).ShouldBe(["title", "count", "to"]);
    }
}
