// React 19 JSX: the elements are known intrinsic elements, attributes and properties typed.
// React 18 (and 19): the wrappers of btalk-forms/react, their on<Event> props typed from the elements' events.
import type {} from 'btalk-forms/react';
import { BtalkAddressForm, BtalkSiteImport, BtalkVoicesiteOrder } from 'btalk-forms/react';
import type { CredentialsProvider } from 'btalk-forms/address-form';

export const Form = () => <btalk-address-form country="FR" api-base="/proxy/btalk/v1" heading-level={3} />;
export const Order = () => <btalk-voicesite-order customer-code="9999" lang="fr" />;
export const Import = () => <btalk-site-import customer-code="9999" concurrency={8} lang="de" />;
// @ts-expect-error import-id is text
export const WrongImport = () => <btalk-site-import import-id={{}} />;
// @ts-expect-error lang is text
export const Wrong = () => <btalk-address-form lang={42} />;

declare const credentials: CredentialsProvider;
export const Wrapped = () => (
  <BtalkAddressForm country="FR" api-base="/proxy/btalk/v1" credentials={credentials} value={{ pc: '75001' }} disabled
    className="wide" ref={(element) => { element?.reportValidity(); }}
    onBtalkAddressSaved={(event) => console.log(event.detail.voiceSiteId.toUpperCase())}
    onBtalkValidity={(event) => console.log(event.detail.valid === true)} />
);
export const WrappedOrder = () => (
  <BtalkVoicesiteOrder customer-code="9999" onBtalkOrderCreated={(event) => console.log(event.detail.voiceSiteId)} />
);
export const WrappedImport = () => <BtalkSiteImport onBtalkImportDone={(event) => console.log(event.detail.counts)} />;
// @ts-expect-error credentials is a function, never a string
export const WrongCredentials = () => <BtalkAddressForm credentials="token" />;
// @ts-expect-error the saved event's detail has no such field
export const WrongDetail = () => <BtalkAddressForm onBtalkAddressSaved={(event) => event.detail.nothing} />;
