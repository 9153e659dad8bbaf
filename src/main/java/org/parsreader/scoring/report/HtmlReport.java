package org.parsreader.scoring.report;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.parsreader.render.Figure;
import org.parsreader.render.FigureWriter;

/**
 * The Markdown report as one self-contained HTML page: the Markdown rendered by commonmark (GFM
 * tables), and every image the report names whose figure is known drawn inline as SVG, so the
 * page needs no other file. Images not known stay links.
 */
public final class HtmlReport {
    private static final String STYLE = """
            body{font-family:-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#111;line-height:1.45}
            table{border-collapse:collapse;margin:1em 0;font-size:0.9em}
            th,td{border:1px solid #ccc;padding:3px 7px;text-align:left;vertical-align:top}
            th{background:#f2f4f8}
            tr:nth-child(even) td{background:#fafbfc}
            figure{margin:1.2em 0}
            figure svg{max-width:100%;height:auto}
            figcaption{font-size:0.85em;color:#444}
            code{background:#f4f4f4;padding:0 3px}
            """;

    private HtmlReport() { }

    /** The page: {@code figures} maps an image destination of the Markdown ("forest-R1-15min.png") to its figure. */
    public static String html(String title, String markdown, Map<String, Figure> figures) {
        Parser parser = Parser.builder().extensions(List.of(TablesExtension.create())).build();
        HtmlRenderer renderer = HtmlRenderer.builder().extensions(List.of(TablesExtension.create()))
                .nodeRendererFactory(context -> new InlineFigures(context, figures)).build();
        String body = renderer.render(parser.parse(markdown));
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title) + "</title>\n<style>\n"
                + STYLE + "</style>\n</head>\n<body>\n" + body + "</body>\n</html>\n";
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Renders a Markdown image whose figure is known as an inline SVG figure with its alt text as caption. */
    private static final class InlineFigures implements NodeRenderer {
        private final HtmlNodeRendererContext context;
        private final HtmlWriter html;
        private final Map<String, Figure> figures;

        InlineFigures(HtmlNodeRendererContext context, Map<String, Figure> figures) {
            this.context = context;
            this.html = context.getWriter();
            this.figures = figures;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Image.class);
        }

        @Override
        public void render(Node node) {
            Image image = (Image) node;
            StringBuilder alt = new StringBuilder();
            for (Node c = image.getFirstChild(); c != null; c = c.getNext()) if (c instanceof Text t) alt.append(t.getLiteral());
            Figure f = figures.get(image.getDestination());
            if (f == null) {
                html.raw("<img src=\"" + escape(context.encodeUrl(image.getDestination())) + "\" alt=\"" + escape(alt.toString()) + "\">");
                return;
            }
            html.raw("<figure>" + FigureWriter.svgElement(f) + "<figcaption>" + escape(alt.toString()) + " (also as "
                    + escape(image.getDestination()) + ", .svg, .pdf)</figcaption></figure>");
        }
    }
}
