using MhEmployment.Web.Features.Imports.Parsing;

namespace MhEmployment.UnitTests.Imports;

public class PeriodParserTests
{
    [Theory]
    [InlineData("2021", "2021-01-01", "2021-12-31")]
    [InlineData("August 2017", "2017-08-01", "2017-08-31")]
    [InlineData("Feb 2024", "2024-02-01", "2024-02-29")]
    [InlineData("Sept 2019", "2019-09-01", "2019-09-30")]
    [InlineData("Jul 2016-Jun 2017", "2016-07-01", "2017-06-30")]
    [InlineData("Apr 2019-Mar 2020", "2019-04-01", "2020-03-31")]
    [InlineData("Jan 2017 - Dec 2017", "2017-01-01", "2017-12-31")]
    [InlineData("Oct-Dec 2017", "2017-10-01", "2017-12-31")]
    [InlineData("Dec-Feb 2018", "2017-12-01", "2018-02-28")]
    [InlineData("2019-20", "2019-04-01", "2020-03-31")]
    [InlineData("2019/20", "2019-04-01", "2020-03-31")]
    [InlineData("1999/00", "1999-04-01", "2000-03-31")]
    [InlineData("2015 - 17", "2015-01-01", "2017-12-31")]
    [InlineData("2013 - 17", "2013-01-01", "2017-12-31")]
    [InlineData("2012 - 14", "2012-01-01", "2014-12-31")]
    [InlineData("2015-2017", "2015-01-01", "2017-12-31")]
    [InlineData("2017/18 - 19/20", "2017-04-01", "2020-03-31")]
    [InlineData("2019/20 Q1", "2019-04-01", "2019-06-30")]
    [InlineData("2019/20 Q4", "2020-01-01", "2020-03-31")]
    [InlineData("2019 Q2", "2019-04-01", "2019-06-30")]
    [InlineData("2017-08", "2017-08-01", "2017-08-31")]
    [InlineData("2024-02-29", "2024-02-29", "2024-02-29")]
    public void Reads_the_labels_NOMIS_and_Fingertips_print(string label, string start, string end)
    {
        PeriodParser.TryParse(label, out var period).Should().BeTrue();
        period.Label.Should().Be(label);
        period.Start.Should().Be(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture));
        period.End.Should().Be(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Someday")]
    [InlineData("2019/21")]
    [InlineData("Smarch 2019")]
    [InlineData("2024-02-30")]
    [InlineData("2017-2015")]
    [InlineData("0001")]
    public void Refuses_what_it_cannot_date(string label) =>
        PeriodParser.TryParse(label, out _).Should().BeFalse();
}
