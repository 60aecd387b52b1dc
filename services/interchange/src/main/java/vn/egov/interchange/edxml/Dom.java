package vn.egov.interchange.edxml;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Small helpers over edXML-namespaced DOM elements. */
final class Dom {

    private Dom() {}

    static List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e
                    && EdxmlPackage.NS.equals(e.getNamespaceURI())
                    && name.equals(e.getLocalName())) {
                result.add(e);
            }
        }
        return result;
    }

    static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.getFirst();
    }

    static Element required(Element parent, String name) {
        Element e = child(parent, name);
        if (e == null) {
            throw new EdxmlException(
                    EdxmlException.Kind.INVALID,
                    name,
                    "Thiếu phần tử " + name + " trong " + parent.getLocalName() + ".");
        }
        return e;
    }

    static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent();
    }

    static Integer integer(Element parent, String name) {
        String t = text(parent, name);
        if (t == null) {
            return null;
        }
        try {
            return Integer.valueOf(t.strip());
        } catch (NumberFormatException e) {
            throw new EdxmlException(EdxmlException.Kind.INVALID, name, "Giá trị số không hợp lệ: " + t);
        }
    }

    static Element add(Document doc, Element parent, String name) {
        Element e = doc.createElementNS(EdxmlPackage.NS, "edXML:" + name);
        parent.appendChild(e);
        return e;
    }

    static void addText(Document doc, Element parent, String name, Object value) {
        if (value != null) {
            add(doc, parent, name).setTextContent(value.toString());
        }
    }
}
