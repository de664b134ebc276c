package lakehouse.cli.report;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One chart of the report page.
 *
 * @param id the element id the page draws it in
 * @param title its heading
 * @param description one sentence under the heading: what it shows and how it is measured
 * @param option the chart itself, as an ECharts option
 */
public record Chart(String id, String title, String description, ObjectNode option) {}
