package org.fedgate.gateway.soap;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Source;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMResult;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.GatewayError;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The SOAP payloads of the back-end link, namespace {@value #NS}: {@code SubmitNotification} (back
 * end to gateway: partners, purpose, legal basis, justification and the national record) and {@code
 * DeliverNotification} (gateway to back end: envelope ids and the national record). XML is parsed
 * with DTDs and external entities disabled.
 */
public final class SoapMessages {

  public static final String NS = "urn:fedgate:soap:backend:1";
  private static final String PREFIX = "fg:";
  public static final QName SERVICE = new QName(NS, "NationalBackendService");
  public static final QName PORT = new QName(NS, "NationalBackendPort");

  private SoapMessages() {}

  /** A secure document builder: no DTDs, no external entities, no XInclude. */
  public static DocumentBuilder documentBuilder() {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      return f.newDocumentBuilder();
    } catch (Exception e) {
      throw new IllegalStateException("XML parser unavailable", e);
    }
  }

  private static TransformerFactory transformers() {
    TransformerFactory tf = TransformerFactory.newInstance();
    tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
    return tf;
  }

  /** Reads a SOAP payload into a DOM element. */
  public static Element toElement(Source source) {
    try {
      if (source instanceof DOMSource ds && ds.getNode() != null) {
        Node n = ds.getNode();
        return n instanceof Document d ? d.getDocumentElement() : (Element) n;
      }
      DOMResult result = new DOMResult(documentBuilder().newDocument());
      transformers().newTransformer().transform(source, result);
      return ((Document) result.getNode()).getDocumentElement();
    } catch (FedgateException e) {
      throw e;
    } catch (Exception e) {
      throw new FedgateException(GatewayError.REQUEST_INVALID, "SOAP body is not well-formed XML");
    }
  }

  /** The text of the first child element with this local name, or null. */
  public static String text(Element parent, String localName) {
    Element e = child(parent, localName);
    return e == null ? null : e.getTextContent().trim();
  }

  public static Element child(Element parent, String localName) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && localName.equals(e.getLocalName())) {
        return e;
      }
    }
    return null;
  }

  /** The first element inside {@code record}: the national document, serialised as bytes. */
  public static byte[] recordBytes(Element parent) {
    Element record = child(parent, "record");
    if (record == null) {
      throw new FedgateException(GatewayError.REQUEST_INVALID, "missing element record");
    }
    for (Node n = record.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        return serialise(e);
      }
    }
    throw new FedgateException(GatewayError.REQUEST_INVALID, "empty element record");
  }

  /** The first element child, or null. */
  public static Element firstElement(Element parent) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        return e;
      }
    }
    return null;
  }

  public static byte[] serialise(Node node) {
    try {
      Transformer t = transformers().newTransformer();
      t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "no");
      t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      t.transform(new DOMSource(node), new StreamResult(out));
      return out.toByteArray();
    } catch (Exception e) {
      throw new IllegalStateException("XML serialisation failed", e);
    }
  }

  public static String serialiseToString(Node node) {
    try {
      Transformer t = transformers().newTransformer();
      t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
      StringWriter out = new StringWriter();
      t.transform(new DOMSource(node), new StreamResult(out));
      return out.toString();
    } catch (Exception e) {
      throw new IllegalStateException("XML serialisation failed", e);
    }
  }

  /** Builds {@code <name xmlns=NS>} with simple text children and an optional record. */
  public static Document build(String name, Map<String, String> fields, byte[] recordXml) {
    DocumentBuilder b = documentBuilder();
    Document doc = b.newDocument();
    // prefixed, never the default namespace: the national record inside must not inherit it
    Element root = doc.createElementNS(NS, PREFIX + name);
    doc.appendChild(root);
    for (Map.Entry<String, String> f : fields.entrySet()) {
      if (f.getValue() == null) {
        continue;
      }
      Element e = doc.createElementNS(NS, PREFIX + f.getKey());
      e.setTextContent(f.getValue());
      root.appendChild(e);
    }
    if (recordXml != null) {
      try {
        Document rec = b.parse(new ByteArrayInputStream(recordXml));
        Element record = doc.createElementNS(NS, PREFIX + "record");
        record.appendChild(doc.importNode(rec.getDocumentElement(), true));
        root.appendChild(record);
      } catch (Exception e) {
        throw new FedgateException(GatewayError.INTERNAL, "national XML not well-formed");
      }
    }
    return doc;
  }

  /** Ordered field map helper. */
  public static Map<String, String> fields(String... keyValues) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      m.put(keyValues[i], keyValues[i + 1]);
    }
    return m;
  }
}
