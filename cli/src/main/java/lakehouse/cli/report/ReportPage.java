package lakehouse.cli.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

/**
 * One self-contained HTML page: the charts as ECharts options, drawn as SVG by the ECharts library
 * inlined from its WebJar, so that the page opens with no network.
 */
public final class ReportPage {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TEMPLATE = "/lakehouse/cli/report/page.html";
  private static final String ECHARTS_POM =
      "/META-INF/maven/org.webjars.npm/echarts/pom.properties";

  private ReportPage() {}

  /**
   * The page.
   *
   * @param title its heading
   * @param summary lines above the charts, as plain text
   * @param charts the charts, in order
   */
  public static String render(String title, List<String> summary, List<Chart> charts) {
    StringBuilder items = new StringBuilder();
    summary.forEach(line -> items.append("<li>").append(escape(line)).append("</li>"));
    StringBuilder sections = new StringBuilder();
    ArrayNode options = JSON.createArrayNode();
    for (Chart chart : charts) {
      sections
          .append("\n<section><h2>")
          .append(escape(chart.title()))
          .append("</h2><p class=\"note\">")
          .append(escape(chart.description()))
          .append("</p><div class=\"chart\" id=\"")
          .append(escape(chart.id()))
          .append("\"></div></section>");
      options.addObject().put("id", chart.id()).set("option", chart.option());
    }
    return resource(TEMPLATE)
        .replace("{{title}}", escape(title))
        .replace("{{summary}}", items)
        .replace("{{sections}}", sections)
        .replace("{{charts}}", scriptSafe(json(options)))
        .replace("{{library}}", echarts());
  }

  /** The ECharts build the project depends on, read from its WebJar. */
  static String echarts() {
    Properties pom = new Properties();
    try (InputStream in = ReportPage.class.getResourceAsStream(ECHARTS_POM)) {
      if (in == null) {
        throw new IllegalStateException("the ECharts WebJar is not on the classpath");
      }
      pom.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return resource(
        "/META-INF/resources/webjars/echarts/"
            + pom.getProperty("version")
            + "/dist/echarts.min.js");
  }

  private static String resource(String name) {
    try (InputStream in = ReportPage.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** JSON inside a script element: no sequence in it may close the element. */
  private static String scriptSafe(String json) {
    return json.replace("<", "\\u003c");
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
