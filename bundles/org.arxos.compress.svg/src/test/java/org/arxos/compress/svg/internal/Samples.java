package org.arxos.compress.svg.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small hand-made SVGs, each exercising a part of the minifier. */
final class Samples {

    static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- a comment -->\n"
            + "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"\n"
            + "   xmlns:inkscape=\"http://www.inkscape.org/namespaces/inkscape\"\n"
            + "   xmlns:sodipodi=\"http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd\"\n"
            + "   xmlns:svg=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"200\" height=\"160\""
            + " viewBox=\"0 0 100.000 80\" sodipodi:docname=\"sample.svg\">\n";

    /** name -> SVG text. */
    static final Map<String, String> ALL = new LinkedHashMap<>();

    static {
        ALL.put("paths", HEAD
                + "  <path d=\"M 10.000,10.000 L 30.50,10 L 30.5,25.25 L 10,25.25 Z\" style=\"fill:#FF0000;stroke:#000000;"
                + "stroke-width:0.50000000;fill-opacity:1;stroke-opacity:1\"/>\n"
                + "  <path d=\"m 40,10 h 10 v 10 h -10 z m 2,2 l 3.3,0 0,3.3 z\" fill=\"#00ff00\" fill-rule=\"evenodd\"/>\n"
                + "  <path d=\"M 60,20 C 60,10 80,10 80,20 S 100,30 90,35 Q 80,40 70,35 T 60,20\" fill=\"none\""
                + " stroke=\"blue\" stroke-width=\"1.5\"/>\n"
                + "  <path d=\"M 10,50 A 10 5 30 1 0 30 50 a 5 5 0 0 1 10 0\" fill=\"none\" stroke=\"black\"/>\n"
                + "  <path d=\"M 50 50 L 50 50 L 60 60 M 70 50 70 70\" stroke=\"#000\" stroke-linecap=\"round\"/>\n"
                + "  <polyline points=\"80,50 85,55.000 90,50 95 , 55\" fill=\"none\" stroke=\"black\"/>\n"
                + "  <polygon points=\"80,60 90,60 85,70\" fill=\"rgb(255,128,0)\"/>\n"
                + "</svg>\n");
        ALL.put("transforms", HEAD
                + "  <g transform=\"translate(10,0) scale(0.5,0.5)\">\n"
                + "    <g transform=\"rotate(15 20 20)\"><rect x=\"0\" y=\"0.0\" width=\"40\" height=\"20\" fill=\"teal\"/></g>\n"
                + "    <g transform=\"matrix(1,0,0,1,50,10) skewX(10)\"><circle cx=\"20\" cy=\"20\" r=\"10.250\""
                + " fill=\"orange\"/></g>\n"
                + "    <ellipse cx=\"100\" cy=\"100\" rx=\"30\" ry=\"10\" transform=\"skewY(5)\" fill=\"purple\"/>\n"
                + "    <line x1=\"0\" y1=\"0\" x2=\"150\" y2=\"120\" stroke=\"black\" stroke-width=\"2\"/>\n"
                + "  </g>\n"
                + "  <svg x=\"60\" y=\"40\" width=\"30\" height=\"30\" viewBox=\"0 0 10 10\" preserveAspectRatio=\"xMidYMid meet\">\n"
                + "    <rect x=\"1\" y=\"1\" width=\"8\" height=\"8\" fill=\"#123456\"/>\n"
                + "  </svg>\n"
                + "</svg>\n");
        ALL.put("styles", HEAD
                + "  <g style=\"fill-opacity:0.5;stroke:#000000;stroke-width:2\" inkscape:label=\"Layer 1\""
                + " inkscape:groupmode=\"layer\">\n"
                + "    <rect x=\"5\" y=\"5\" width=\"20\" height=\"20\" style=\"fill:#ff0000;fill-opacity:1;stroke:#000000;"
                + "stroke-width:2;display:inline;opacity:1;-inkscape-font-specification:Sans\"/>\n"
                + "    <rect x=\"30\" y=\"5\" width=\"20\" height=\"20\" fill=\"red\" fill-opacity=\"0.5\"/>\n"
                + "    <rect x=\"55\" y=\"5\" width=\"20\" height=\"20\" fill=\"blue\" style=\"fill:#0000FF;"
                + "stroke-dasharray:none;stroke-miterlimit:4\"/>\n"
                + "    <rect x=\"80\" y=\"5\" width=\"15\" height=\"20\" style=\"fill:red\" fill=\"blue\" visibility=\"visible\"/>\n"
                + "  </g>\n"
                + "  <g opacity=\"0.5\"><rect x=\"5\" y=\"40\" width=\"30\" height=\"30\" fill=\"black\" opacity=\"1\"/></g>\n"
                + "  <rect x=\"40\" y=\"40\" width=\"30\" height=\"30\" style=\"stroke:none;fill:black;stroke-width:1px\"/>\n"
                + "</svg>\n");
        ALL.put("text", HEAD
                + "  <text x=\"10\" y=\"20\" style=\"font-size:8px;font-family:sans-serif;fill:#000000\""
                + " xml:space=\"preserve\"><tspan sodipodi:role=\"line\" x=\"10\" y=\"20\">Room   101</tspan>"
                + "<tspan x=\"10.0\" y=\"30\" style=\"font-weight:bold\"> and  more </tspan></text>\n"
                + "  <text x=\"10\" y=\"50\" font-size=\"6\">  spaced\n    words &amp; &lt;signs&gt; </text>\n"
                + "  <text x=\"60\" y=\"50\" font-size=\"6\" text-anchor=\"middle\">A<tspan dy=\"-2\">2</tspan></text>\n"
                + "  <text x=\"10\" y=\"70\" font-size=\"6\">B\u00fcro \u2192 \ud83d\ude00 \u00e9</text>\n"
                + "  <title>Floor   plan</title><desc> A sample </desc>\n"
                + "</svg>\n");
        ALL.put("reuse", HEAD
                + "  <defs>\n"
                + "    <linearGradient id=\"g\" x1=\"0\" y1=\"0\" x2=\"1\" y2=\"0\"><stop offset=\"0\" stop-color=\"#ffffff\"/>"
                + "<stop offset=\"1\" stop-color=\"#000000\"/></linearGradient>\n"
                + "    <symbol id=\"door\" viewBox=\"0 0 10 10\"><path d=\"M 0,0 L 10,0 L 10,10 z\" fill-opacity=\"1\"/></symbol>\n"
                + "    <path id=\"wall\" d=\"M 0 0 H 20 V 2 H 0 Z\"/>\n"
                + "    <clipPath id=\"clip\"><rect x=\"0\" y=\"0\" width=\"50\" height=\"40\"/></clipPath>\n"
                + "  </defs>\n"
                + "  <g fill-opacity=\"0.4\" clip-path=\"url(#clip)\">\n"
                + "    <use xlink:href=\"#door\" x=\"5\" y=\"5\" width=\"20\" height=\"20\"/>\n"
                + "    <use xlink:href=\"#wall\" x=\"5.0\" y=\"30\" fill=\"url(#g)\"/>\n"
                + "    <use xlink:href=\"#wall\" transform=\"rotate(90 30 30)\"/>\n"
                + "  </g>\n"
                + "  <rect id=\"target\" x=\"60\" y=\"10\" width=\"10\" height=\"10\" fill=\"#000000\" fill-opacity=\"1\"/>\n"
                + "  <g fill-opacity=\"0.3\"><use xlink:href=\"#target\" x=\"15\"/></g>\n"
                + "</svg>\n");
        ALL.put("namespaces", HEAD.replace("<svg ", "<svg xmlns:a=\"urn:example:app\" xmlns:i=\"http://ns.adobe.com/"
                + "AdobeIllustrator/10.0/\" ")
                + "  <metadata><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"/></metadata>\n"
                + "  <sodipodi:namedview pagecolor=\"#ffffff\" inkscape:zoom=\"2\"/>\n"
                + "  <i:pgf>base64data</i:pgf>\n"
                + "  <a:data key=\"value\"> kept  </a:data>\n"
                + "  <rect x=\"10\" y=\"10\" width=\"30\" height=\"30\" a:room=\"101\" inkscape:label=\"Room 101\""
                + " inkscape:collect=\"always\" i:layer=\"yes\" fill=\"#808080\"/>\n"
                + "  <svg:rect x=\"50\" y=\"10\" width=\"30\" height=\"30\" fill=\"silver\"/>\n"
                + "</svg>\n");
        ALL.put("stylesheet", HEAD
                + "  <style>.wall { fill: #333333; } rect { stroke-width: 3; }</style>\n"
                + "  <rect class=\"wall\" x=\"0\" y=\"0\" width=\"50\" height=\"20\" fill=\"red\" stroke=\"black\""
                + " stroke-width=\"1\"/>\n"
                + "  <rect x=\"10\" y=\"30\" width=\"50\" height=\"20\" style=\"display:inline;fill:#000000\"/>\n"
                + "</svg>\n");
        ALL.put("classes", HEAD
                + "  <defs><linearGradient id=\"h\"><stop offset=\"0\" style=\"stop-color:#ff0000;stop-opacity:0.8\"/>"
                + "<stop offset=\".5\" style=\"stop-color:#ff0000;stop-opacity:0.8\"/>"
                + "<stop offset=\"1\" style=\"stop-color:#ff0000;stop-opacity:0.8\"/></linearGradient></defs>\n"
                + "  <rect width=\"100\" height=\"20\" fill=\"url(#h)\" class=\"a\"/>\n"
                + "  <text x=\"5\" y=\"40\" style=\"font-size:7px;fill:#0000ff\"><tspan style=\"font-weight:bold;fill:#008000\">"
                + "one</tspan></text>\n"
                + "  <text x=\"5\" y=\"50\" style=\"font-size:7px;fill:#0000ff\"><tspan style=\"font-weight:bold;fill:#008000\">"
                + "two</tspan></text>\n"
                + "  <text x=\"5\" y=\"60\" style=\"font-size:7px;fill:#0000ff\" class=\"label\"><tspan"
                + " style=\"font-weight:bold;fill:#008000\">three</tspan></text>\n"
                + "</svg>\n");
        ALL.put("entities", "<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" "
                + "\"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\" [\n"
                + "  <!ENTITY ns_svg \"http://www.w3.org/2000/svg\">\n  <!ENTITY color \"#00ff00\">\n]>\n"
                + "<svg xmlns=\"&ns_svg;\" width=\"100\" height=\"100\"><rect width=\"50\" height=\"50\" fill=\"&color;\"/>"
                + "<![CDATA[ raw ]]></svg>\n");
    }

    private Samples() {
    }

    static byte[] bytes(String name) {
        return ALL.get(name).getBytes(StandardCharsets.UTF_8);
    }
}
