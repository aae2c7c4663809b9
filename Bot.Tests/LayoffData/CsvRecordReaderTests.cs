namespace Bot.Tests.LayoffData;

public sealed class CsvRecordReaderTests
{
    [Fact]
    public void Quoted_fields_keep_commas_quotes_and_line_breaks_and_records_know_their_first_line()
    {
        var text = "a,b,c\r\n1,\"Tel Aviv, Non-U.S.\",x\n2,\"two\nlines\",\"say \"\"hi\"\"\"\n\n3,,\n";
        var records = CsvRecordReader.Read(new StringReader(text)).ToList();

        Assert.Equal(4, records.Count);
        Assert.Equal(["1", "Tel Aviv, Non-U.S.", "x"], records[1].Fields);
        Assert.Equal(2, records[1].Line);
        Assert.Equal(["2", "two\nlines", "say \"hi\""], records[2].Fields);
        Assert.Equal(3, records[2].Line);
        Assert.Equal(["3", "", ""], records[3].Fields);
        Assert.Equal(6, records[3].Line);
    }

    [Fact]
    public void A_byte_order_mark_is_not_part_of_the_first_column_name()
    {
        var records = CsvRecordReader.Read(new StringReader("\uFEFFcompany,date\nA,2025-01-02")).ToList();

        Assert.Equal("company", records[0].Fields[0]);
        Assert.Equal(["A", "2025-01-02"], records[1].Fields);
    }
}
