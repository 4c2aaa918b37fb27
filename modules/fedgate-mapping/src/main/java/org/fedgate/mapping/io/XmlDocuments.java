package org.fedgate.mapping.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.ValidatorHandler;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.MappingError;
import org.xml.sax.Attributes;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads untrusted XML into a JSON tree while validating it against an XSD in one streaming pass,
 * and writes such trees back as XML.
 *
 * <p>Hardening: any DOCTYPE is refused (that rules out XXE, external DTDs and entity expansion such
 * as "billion laughs"); external schema and DTD access are disabled; secure processing is on; size
 * and depth are limited. Nothing is ever read from disk or network while parsing. Parser and
 * validator messages are not passed on (they quote the input); only their fixed keys are.
 *
 * <p>Tree convention: an element becomes a field named after it; a leaf element's text becomes a
 * string; attributes become fields named {@code @name}; elements listed as repeated always become
 * arrays. Thread-safe: parsers are created per call from shared, immutable factories and schema.
 */
public final class XmlDocuments {

  private static final JsonNodeFactory NF = JsonNodeFactory.instance;
  private static final DefaultHandler NO_OP = new DefaultHandler();

  private final Schema schema;
  private final Set<String> declaredNames;
  private final String root;
  private final Set<String> repeated;
  private final Limits limits;
  private final SAXParserFactory parsers;
  // JAXP factories are not guaranteed thread-safe: each thread keeps its own reader and writer
  // factory (readers are reusable between parses, which also saves their set-up cost)
  private final ThreadLocal<XMLReader> readers;
  private final ThreadLocal<ValidatorHandler> validators;
  private final ThreadLocal<XMLOutputFactory> outputs =
      ThreadLocal.withInitial(XMLOutputFactory::newFactory);

  public XmlDocuments(String xsd, String root, Set<String> repeated, Limits limits) {
    this.root = root;
    this.repeated = Set.copyOf(repeated);
    java.util.Set<String> names = new java.util.HashSet<>();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("<xs:element\\s+name=\"([A-Za-z_][A-Za-z0-9_.-]*)\"")
            .matcher(xsd);
    while (m.find()) {
      names.add(m.group(1));
    }
    this.declaredNames = Set.copyOf(names);
    this.limits = limits;
    try {
      SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      sf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      sf.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      sf.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      this.schema = sf.newSchema(new StreamSource(new StringReader(xsd)));
      SAXParserFactory pf = SAXParserFactory.newInstance();
      pf.setNamespaceAware(true);
      pf.setValidating(false);
      pf.setXIncludeAware(false);
      pf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      pf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      pf.setFeature("http://xml.org/sax/features/external-general-entities", false);
      pf.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      pf.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      this.parsers = pf;
      this.readers = ThreadLocal.withInitial(this::newReader);
      this.validators = ThreadLocal.withInitial(this::newValidator);
    } catch (SAXException | ParserConfigurationException e) {
      throw new IllegalStateException("cannot set up the XML parser and schema", e);
    }
  }

  /** Parses and validates; returns the root element's content as a tree. */
  public ObjectNode parse(byte[] doc) {
    limits.checkSize(doc.length);
    TreeBuilder builder = new TreeBuilder();
    XMLReader reader = readers.get();
    try {
      ValidatorHandler vh = validators.get();
      PathTracker tracker = new PathTracker(vh, limits.maxDepth(), declaredNames);
      // schema errors are kept and raised after the parse, so that a document that is also too
      // deep or not well-formed gets that (more basic) refusal
      Refuse schemaErrors = new Refuse(tracker, false);
      vh.setErrorHandler(schemaErrors);
      vh.setContentHandler(builder);
      reader.setContentHandler(tracker);
      reader.setErrorHandler(new Refuse(tracker, true));
      reader.parse(new InputSource(new ByteArrayInputStream(doc)));
      if (schemaErrors.first != null) {
        throw schemaErrors.first;
      }
    } catch (FedgateException e) {
      throw e;
    } catch (SAXParseException e) {
      throw refusal(e, null);
    } catch (SAXException e) {
      if (e.getException() instanceof FedgateException fe) {
        throw fe;
      }
      throw new FedgateException(MappingError.MALFORMED_DOCUMENT, "not well-formed XML");
    } catch (IOException e) {
      throw new FedgateException(MappingError.MALFORMED_DOCUMENT, "unreadable XML");
    } finally {
      // the reused reader must not keep the last document's tree alive
      reader.setContentHandler(NO_OP);
      reader.setErrorHandler(NO_OP);
      ValidatorHandler vh = validators.get();
      vh.setContentHandler(NO_OP);
      vh.setErrorHandler(NO_OP);
    }
    return builder.result;
  }

  private ValidatorHandler newValidator() {
    try {
      ValidatorHandler vh = schema.newValidatorHandler();
      vh.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      vh.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      return vh;
    } catch (SAXException e) {
      throw new IllegalStateException("cannot create an XML validator", e);
    }
  }

  private XMLReader newReader() {
    try {
      XMLReader reader = parsers.newSAXParser().getXMLReader();
      reader.setEntityResolver(
          (publicId, systemId) -> {
            throw new SAXException("external entity refused");
          });
      return reader;
    } catch (SAXException | ParserConfigurationException e) {
      throw new IllegalStateException("cannot create an XML parser", e);
    }
  }

  private static FedgateException refusal(SAXParseException e, PathTracker where) {
    String msg = String.valueOf(e.getMessage());
    if (msg.contains("DOCTYPE")
        || msg.contains("disallow-doctype-decl")
        || msg.contains("ENTITY")) {
      return new FedgateException(
          MappingError.FORBIDDEN_XML_CONSTRUCT, "DOCTYPE and entity declarations are refused");
    }
    if (msg.contains("entity")) {
      return new FedgateException(MappingError.FORBIDDEN_XML_CONSTRUCT, "entity reference refused");
    }
    String position = "line " + e.getLineNumber() + " column " + e.getColumnNumber();
    if (msg.startsWith("cvc-") && where != null) {
      int colon = msg.indexOf(':');
      String key = colon > 0 ? msg.substring(0, colon) : "cvc";
      if (!key.matches("cvc-[A-Za-z0-9.-]{1,40}")) {
        key = "cvc";
      }
      return new FedgateException(
          MappingError.SCHEMA_VIOLATION,
          "at " + where.xpath() + ": schema rule " + key + " failed");
    }
    return new FedgateException(
        MappingError.MALFORMED_DOCUMENT, "not well-formed XML at " + position);
  }

  /** Turns every warning, error and fatal error into a refusal. */
  private static final class Refuse implements ErrorHandler {
    private final PathTracker tracker;
    private final boolean immediately;
    private FedgateException first;

    Refuse(PathTracker tracker, boolean immediately) {
      this.tracker = tracker;
      this.immediately = immediately;
    }

    @Override
    public void warning(SAXParseException e) {}

    @Override
    public void error(SAXParseException e) throws SAXException {
      FedgateException f = refusal(e, tracker);
      if (immediately) {
        throw new SAXException(f);
      }
      if (first == null) {
        first = f;
      }
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
      throw new SAXException(refusal(e, tracker));
    }
  }

  /** Forwards events to the validator while tracking the element path and depth. */
  private static final class PathTracker extends DefaultHandler {
    private final ValidatorHandler next;
    private final int maxDepth;
    private final Set<String> declaredNames;
    private final Deque<String> path = new ArrayDeque<>();
    private final Deque<Map<String, Integer>> counts = new ArrayDeque<>();

    PathTracker(ValidatorHandler next, int maxDepth, Set<String> declaredNames) {
      this.next = next;
      this.maxDepth = maxDepth;
      this.declaredNames = declaredNames;
      counts.push(new java.util.HashMap<>());
    }

    String xpath() {
      StringBuilder sb = new StringBuilder();
      Iterator<String> it = path.descendingIterator();
      while (it.hasNext()) {
        sb.append('/').append(it.next());
      }
      return sb.length() == 0 ? "/" : sb.toString();
    }

    @Override
    public void startDocument() throws SAXException {
      next.startDocument();
    }

    @Override
    public void endDocument() throws SAXException {
      next.endDocument();
    }

    @Override
    public void startPrefixMapping(String prefix, String uri) throws SAXException {
      next.startPrefixMapping(prefix, uri);
    }

    @Override
    public void endPrefixMapping(String prefix) throws SAXException {
      next.endPrefixMapping(prefix);
    }

    @Override
    public void startElement(String uri, String local, String qname, Attributes atts)
        throws SAXException {
      if (path.size() >= maxDepth) {
        throw new SAXException(
            new FedgateException(
                MappingError.NESTING_TOO_DEEP, "element nesting deeper than " + maxDepth));
      }
      // an element name the schema does not declare comes from the input and could itself be
      // personal data: locations show it as *
      String shown = declaredNames.contains(local) ? local : "*";
      int n = counts.peek().merge(shown, 1, Integer::sum);
      path.push(shown + "[" + n + "]");
      counts.push(new java.util.HashMap<>());
      next.startElement(uri, local, qname, atts);
    }

    @Override
    public void endElement(String uri, String local, String qname) throws SAXException {
      next.endElement(uri, local, qname);
      path.pop();
      counts.pop();
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
      next.characters(ch, start, length);
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
      next.ignorableWhitespace(ch, start, length);
    }

    @Override
    public void processingInstruction(String target, String data) throws SAXException {
      // processing instructions carry nothing the profiles use; they are not forwarded
    }

    @Override
    public void skippedEntity(String name) throws SAXException {
      throw new SAXException(
          new FedgateException(MappingError.FORBIDDEN_XML_CONSTRUCT, "entity reference refused"));
    }
  }

  /** Builds the JSON tree from validated events. */
  private final class TreeBuilder extends DefaultHandler {
    private final Deque<ObjectNode> objects = new ArrayDeque<>();
    private final Deque<StringBuilder> texts = new ArrayDeque<>();
    private final Deque<Boolean> hasChildren = new ArrayDeque<>();
    private ObjectNode result;

    @Override
    public void startElement(String uri, String local, String qname, Attributes atts)
        throws SAXException {
      if (objects.isEmpty() && !local.equals(root)) {
        throw new SAXException(
            new FedgateException(MappingError.SCHEMA_VIOLATION, "at /: unexpected root element"));
      }
      if (!hasChildren.isEmpty()) {
        hasChildren.pop();
        hasChildren.push(Boolean.TRUE);
      }
      ObjectNode o = NF.objectNode();
      for (int i = 0; i < atts.getLength(); i++) {
        String an = atts.getLocalName(i);
        if (!an.isEmpty() && atts.getURI(i).isEmpty()) {
          o.put("@" + an, atts.getValue(i));
        }
      }
      objects.push(o);
      texts.push(new StringBuilder());
      hasChildren.push(Boolean.FALSE);
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      texts.peek().append(ch, start, length);
    }

    @Override
    public void endElement(String uri, String local, String qname) {
      ObjectNode o = objects.pop();
      String text = texts.pop().toString().strip();
      boolean children = hasChildren.pop();
      JsonNode value;
      if (!children && o.isEmpty()) {
        value = NF.textNode(text);
      } else {
        if (!text.isEmpty()) {
          o.put("#text", text);
        }
        value = o;
      }
      if (objects.isEmpty()) {
        result = value.isObject() ? (ObjectNode) value : NF.objectNode();
        return;
      }
      ObjectNode parent = objects.peek();
      JsonNode existing = parent.get(local);
      if (repeated.contains(local) && (existing == null || existing.isArray())) {
        parent.withArray(local).add(value);
      } else {
        parent.set(local, value);
      }
    }
  }

  /** Writes a tree in this convention as an XML document with the profile's root element. */
  public byte[] write(ObjectNode tree) {
    ByteArrayOutputStream bos = new ByteArrayOutputStream(4096);
    try {
      XMLStreamWriter w = outputs.get().createXMLStreamWriter(bos, "UTF-8");
      w.writeStartDocument("UTF-8", "1.0");
      w.writeCharacters("\n");
      writeElement(w, root, tree, 0);
      w.writeCharacters("\n");
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write XML", e);
    }
    return bos.toByteArray();
  }

  /** Line breaks with indentation by depth, made once: every element written needs one. */
  private static final String[] INDENTS = new String[Limits.DEFAULT_MAX_DEPTH + 2];

  static {
    for (int d = 0; d < INDENTS.length; d++) {
      INDENTS[d] = "\n" + "  ".repeat(d);
    }
  }

  private static String indent(int depth) {
    return depth < INDENTS.length ? INDENTS[depth] : "\n" + "  ".repeat(depth);
  }

  private void writeElement(XMLStreamWriter w, String name, JsonNode value, int depth)
      throws XMLStreamException {
    if (value.isArray()) {
      boolean first = true;
      for (JsonNode item : value) {
        if (!first) {
          w.writeCharacters(indent(depth));
        }
        first = false;
        writeElement(w, name, item, depth);
      }
      return;
    }
    w.writeStartElement(name);
    if (!value.isObject()) {
      w.writeCharacters(value.asText());
      w.writeEndElement();
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().startsWith("@")) {
        w.writeAttribute(e.getKey().substring(1), e.getValue().asText());
      }
    }
    boolean any = false;
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().startsWith("@")) {
        continue;
      }
      if (e.getKey().equals("#text")) {
        w.writeCharacters(e.getValue().asText());
        continue;
      }
      w.writeCharacters(indent(depth + 1));
      writeElement(w, e.getKey(), e.getValue(), depth + 1);
      any = true;
    }
    if (any) {
      w.writeCharacters(indent(depth));
    }
    w.writeEndElement();
  }

  /** Turns a JSON Pointer into this tree into an XPath in the document (1-based positions). */
  public String xpath(String pointer) {
    StringBuilder sb = new StringBuilder("/").append(root);
    if (pointer.isEmpty()) {
      return sb.toString();
    }
    for (String seg : pointer.substring(1).split("/")) {
      if (!seg.isEmpty() && seg.chars().allMatch(Character::isDigit)) {
        sb.append('[').append(Integer.parseInt(seg) + 1).append(']');
      } else {
        sb.append('/').append(seg.replace("~1", "/").replace("~0", "~"));
      }
    }
    return sb.toString();
  }
}
